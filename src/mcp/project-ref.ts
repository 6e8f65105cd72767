import { z } from 'zod';
import { ApiProblem, apiBase, expectOk, isRecord, type ShipshapeApi } from './api.ts';

const uuid = z.uuid();

/** A project named by id or key, as its id: a key is looked up among the caller's projects. */
export async function resolveProject(api: ShipshapeApi, reference: string): Promise<string> {
  if (uuid.safeParse(reference).success) return reference;
  const page = await expectOk(api, 'GET', `${apiBase}/projects`, {
    query: { 'filter[key]': reference.toUpperCase(), limit: 1 },
  });
  const first = isRecord(page) && Array.isArray(page.data) ? page.data[0] : undefined;
  if (isRecord(first) && typeof first.id === 'string') return first.id;
  throw new ApiProblem({
    status: 404,
    title: 'Not found',
    code: 'not_found',
    detail: `No project with the key ${reference} in this workspace.`,
  });
}
