import { expect } from 'vitest';

/** The body of a seeding request, which must have succeeded (the test names what it was seeding). */
export async function created(
  answer: Promise<{ status: number; body: Record<string, unknown> }>,
  what: string,
) {
  const { status, body } = await answer;
  expect(status, `seeding ${what}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}
