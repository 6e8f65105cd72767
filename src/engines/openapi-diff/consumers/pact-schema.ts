import { z } from 'zod';
import type { Json } from '../types.ts';

/**
 * The parts of a Pact file (specification v2, v3 and v4) that say what a consumer uses. Matching
 * rules, generators, provider states and the rest are not read; unknown keys are ignored, since
 * every Pact library writes extras of its own.
 */

/** Header values: one string in v2 and v3 (`"a, b"`), a list in v4. */
const headerValue = z.union([z.string(), z.array(z.string())]);
const headers = z.record(z.string(), headerValue);

/** Query: a string in v2 (`"limit=10&page=2"`), an object of lists in v3 and v4. */
const query = z.union([z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))]);

/** Bodies nest no deeper than this: real payloads stay far below it, and field names stay short. */
export const maxBodyDepth = 64;

/** Whether a value is JSON data nested at most `maxBodyDepth` deep (checked without recursion). */
export function isShallowJson(value: unknown): value is Json {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() ?? [null, 0];
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) return false;
      continue;
    }
    if (typeof node !== 'object' || depth >= maxBodyDepth) return false;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return true;
}

const body = z.custom<Json>(isShallowJson, {
  message: `expected JSON nested at most ${maxBodyDepth} levels deep`,
});

const status = z.union([
  z.number().int().min(100).max(599),
  z
    .string()
    .regex(/^[1-5]\d\d$/, 'expected an HTTP status code')
    .transform(Number),
]);

export const pactRequestSchema = z.object({
  method: z.string().regex(/^[A-Za-z]+$/, 'expected an HTTP method such as GET'),
  path: z.string().startsWith('/', 'expected a path starting with /'),
  query: query.optional(),
  headers: headers.optional(),
  body: body.optional(),
});

export const pactResponseSchema = z.object({
  status,
  headers: headers.optional(),
  body: body.optional(),
});

export const pactInteractionSchema = z.object({
  description: z.string().optional(),
  /** v4 only: `Synchronous/HTTP`; message interactions are skipped before this schema applies. */
  type: z.string().optional(),
  request: pactRequestSchema,
  response: pactResponseSchema,
});
export type PactInteraction = z.infer<typeof pactInteractionSchema>;

const versioned = z.object({ version: z.string().optional() }).optional();

export const pactFileSchema = z
  .object({
    consumer: z.object({ name: z.string() }).optional(),
    provider: z.object({ name: z.string() }).optional(),
    /** Checked one by one, so that an error names the interaction. */
    interactions: z.array(z.unknown()).optional(),
    /** Message pacts (v3) describe no HTTP use at all. */
    messages: z.array(z.unknown()).optional(),
    metadata: z
      .object({
        pactSpecification: versioned,
        'pact-specification': versioned,
        pactSpecificationVersion: z.string().optional(),
      })
      .optional(),
  })
  .refine((file) => file.interactions !== undefined || file.messages !== undefined, {
    message: 'not a Pact file: it has no interactions',
    path: ['interactions'],
  });
export type PactFile = z.infer<typeof pactFileSchema>;
