import fs from 'node:fs/promises';
import { type ApiClient, ApiError } from './api-client.ts';
import type { Member, Project } from './api-types.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** A project named by its key (`PAY`) or its id, as the server knows it. */
export async function findProject(client: ApiClient, reference: string): Promise<Project> {
  if (isUuid(reference)) return client.request<Project>('GET', `/api/v1/projects/${reference}`);
  const page = await client.request<{ data: Project[] }>('GET', '/api/v1/projects', {
    query: { 'filter[key]': reference.toUpperCase(), limit: 1 },
  });
  const project = page.data[0];
  if (!project) throw new Error(`no project with key ${reference} in this workspace`);
  return project;
}

/** Reads a text file, with a one-line reason when it cannot. */
export async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** Writes to the file given, or to stdout. */
export async function writeOutput(out: string | undefined, data: string | Buffer): Promise<void> {
  if (out) await fs.writeFile(out, data);
  else process.stdout.write(data);
}

/** A comma-separated list or a single value, as the list filters take them. */
export function filterOf(field: string, value: string | undefined): Record<string, string> {
  if (value === undefined) return {};
  return value.includes(',') ? { [`filter[${field}][in]`]: value } : { [`filter[${field}]`]: value };
}

/**
 * Names members for people to read (`Bea Reviewer <bea@example.com>`); falls back to the user id
 * when the caller may not list members.
 */
export async function memberNamer(client: ApiClient): Promise<(userId: string | null) => string> {
  let members: Member[] = [];
  try {
    members = await client.listAll<Member>('/api/v1/members');
  } catch (error) {
    if (!(error instanceof ApiError) || ![403, 404].includes(error.status)) throw error;
  }
  const names = new Map(members.map(({ user }) => [user.id, `${user.displayName} <${user.email}>`]));
  return (userId) => (userId ? (names.get(userId) ?? userId) : '—');
}
