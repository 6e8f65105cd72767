import { expect } from 'vitest';
import type { Caller, JsonBody } from '../../test-support/app.ts';

// Calls the flags tests share, named as a user would say them.

let sequence = 0;

/** A new project of the caller's workspace. */
export async function newProject(caller: Caller): Promise<string> {
  sequence += 1;
  const project = await caller.post('/api/v1/projects', { name: `Flags ${sequence}`, key: `FLG${sequence}` });
  expect(project.status, JSON.stringify(project.body)).toBe(201);
  return project.body.id;
}

/** A path under the project's flags: `flags(projectId, 'checkout/kill')`. */
export const flags = (projectId: string, rest = '') =>
  `/api/v1/projects/${projectId}/flags${rest ? `/${rest}` : ''}`;

/** Creates a flag (a boolean release flag unless told otherwise) and answers its detail. */
export async function createFlag(
  caller: Caller,
  projectId: string,
  key: string,
  extra: object = {},
): Promise<JsonBody> {
  const created = await caller.post(flags(projectId), { key, kind: 'release', ...extra });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

/** A rule as the editor sends it: everyone, at the given rollout. */
export function rule(rollout: number, extra: object = {}) {
  return { constraints: [], segments: [], rollout, stickiness: 'default', groupId: '', ...extra };
}

/** Sets the config of a flag in an environment at the version read, and expects it to succeed. */
export async function putConfig(
  caller: Caller,
  projectId: string,
  key: string,
  environment: string,
  body: object,
): Promise<JsonBody> {
  const detail = await caller.get(flags(projectId, key));
  const version = detail.body.environments.find(
    (entry: JsonBody) => entry.environment === environment,
  ).version;
  const answer = await caller.put(flags(projectId, `${key}/environments/${environment}`), body, {
    headers: { 'if-match': `"v${version}"` },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}
