import { type ApiClient, ApiError } from './api-client.ts';
import type { Project } from './api-types.ts';
import { findProject } from './lookup.ts';
import type { TestRun } from './test-types.ts';

export const projectPath = (projectId: string) => `/api/v1/projects/${projectId}`;
export const runPath = (run: { projectId: string; id: string }) =>
  `${projectPath(run.projectId)}/test-runs/${encodeURIComponent(run.id)}`;

/**
 * A run by its id: in the project given, else looked for in each project of the workspace in turn
 * (runs live under their project; a CI job that kept only the run id still finds it).
 */
export async function findRun(client: ApiClient, runId: string, project?: string): Promise<TestRun> {
  const projects = project
    ? [await findProject(client, project)]
    : await client.listAll<Project>('/api/v1/projects');
  for (const candidate of projects) {
    try {
      return await client.request<TestRun>('GET', runPath({ projectId: candidate.id, id: runId }));
    } catch (error) {
      if (!(error instanceof ApiError) || ![400, 404].includes(error.status)) throw error;
    }
  }
  throw new Error(
    project ? `no test run ${runId} in project ${project}` : `no test run ${runId} in this workspace`,
  );
}

/** Parses a whole number option, refusing anything else. */
export function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`not a whole number: ${value}`);
  return parsed;
}
