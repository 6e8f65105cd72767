import type { z } from 'zod';

// Payloads are read all at once; a bad one is answered with every problem and where it is.

export interface ParseError {
  /** Dotted path into the payload, e.g. `3.notes.0.created_at`. */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ParseError[] };

/** Problems reported at most: enough to fix a file, short enough to answer. */
export const maxParseErrors = 50;

export function parseWith<T>(schema: z.ZodType<T>, json: unknown, pathPrefix = ''): ParseResult<T> {
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.slice(0, maxParseErrors).map((issue) => ({
    path: [pathPrefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: issue.message,
  }));
  return { ok: false, errors };
}
