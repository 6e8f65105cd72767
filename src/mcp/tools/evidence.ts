import { z } from 'zod';
import { asObject, expectOk, projectPath, type ShipshapeApi } from '../api.ts';

/** Appends run or finding set ids to a task's evidence, when the caller named a task. */
export async function attachToTask(
  api: ShipshapeApi,
  projectId: string,
  taskId: string | undefined,
  evidence: { testRunIds?: string[]; findingSetIds?: string[] },
): Promise<Record<string, unknown> | undefined> {
  if (!taskId) return undefined;
  return asObject(
    await expectOk(api, 'POST', `${projectPath(projectId)}/tasks/${taskId}/evidence`, { body: evidence }),
  );
}

export const taskToAttach = z
  .uuid()
  .optional()
  .describe('A task you hold: the upload is added to its evidence');
