import { z } from 'zod';

/** Output fields every resource has. */
export const resourceOutputFields = {
  id: z.uuid().describe('UUIDv7, time-ordered'),
  createdAt: z.date().describe('ISO 8601, UTC'),
  updatedAt: z.date().describe('ISO 8601, UTC'),
  version: z
    .number()
    .int()
    .min(1)
    .describe('Increases by one on every change; send it back (or If-Match) to update'),
};

/** The answer of every list route. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` to get the next page; null on the last page'),
  });
}
