import { z } from 'zod';
import { problemKinds } from '../errors/app-error.ts';

/** RFC 9457 problem details, as every error answer carries them. */
export const problemSchema = z
  .looseObject({
    type: z.string().describe('URI identifying the kind of problem'),
    title: z.string().describe('Short summary of the kind of problem'),
    status: z.number().int().describe('The HTTP status code'),
    detail: z.string().describe('What went wrong with this request, for people'),
    code: z.string().describe('Stable machine-readable code, e.g. version_mismatch'),
    requestId: z.string().optional().describe('Quote it when reporting a problem'),
    traceId: z
      .string()
      .optional()
      .describe('The W3C trace id of the request, when the server traces requests'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Each invalid field, for validation problems'),
  })
  .meta({ id: 'Problem' });

type ErrorStatus = (typeof problemKinds)[keyof typeof problemKinds]['status'];

export const problemContentType = 'application/problem+json';

interface ProblemResponse {
  description: string;
  content: { [problemContentType]: { schema: typeof problemSchema } };
}

/** Response descriptions for the given error statuses, served as `application/problem+json`. */
export function problemResponses(statuses: ErrorStatus[]): Record<number, ProblemResponse> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: describeStatus(status), content: { [problemContentType]: { schema: problemSchema } } },
    ]),
  );
}

function describeStatus(status: ErrorStatus): string {
  const kinds = Object.values(problemKinds).filter((kind) => kind.status === status);
  return kinds.map((kind) => kind.title).join(' / ');
}

/** Errors any authenticated API route may answer. */
export const commonProblemStatuses: ErrorStatus[] = [400, 401, 403, 429, 500];
