import { AppError, type FieldError } from '../../core/http/errors.ts';
import type { Executor } from '../../db/connection.ts';
import { internalArtifactTables, type RelatedArtifact } from './artifacts-schema.ts';
import { decisionTypesOf, existingIds, membersAmong } from './store.ts';

/** Checks references against the workspace: members, decision type, project and internal links. */
export async function checkReferences(
  db: Executor,
  workspaceId: string,
  values: Record<string, unknown>,
  selfId?: string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (typeof values.decisionType === 'string') {
    const types = await decisionTypesOf(db, workspaceId);
    if (!types.includes(values.decisionType)) {
      errors.push({
        path: 'decisionType',
        message: `not a decision type of this workspace (${types.join(', ')})`,
      });
    }
  }
  const ownerId = values.decisionOwnerId;
  const qa = Array.isArray(values.involvedQa) ? (values.involvedQa as string[]) : [];
  const people = [...(typeof ownerId === 'string' ? [ownerId] : []), ...qa];
  if (people.length) {
    const members = new Set((await membersAmong(db, workspaceId, people)).map((member) => member.userId));
    if (typeof ownerId === 'string' && !members.has(ownerId)) {
      errors.push({ path: 'decisionOwnerId', message: 'is not a member of this workspace' });
    }
    qa.forEach((userId, index) => {
      if (!members.has(userId))
        errors.push({ path: `involvedQa.${index}`, message: 'is not a member of this workspace' });
    });
  }
  if (typeof values.projectId === 'string') {
    const found = await existingIds(db, workspaceId, 'projects', [values.projectId]);
    if (!found?.has(values.projectId))
      errors.push({ path: 'projectId', message: 'no such project in this workspace' });
  }
  if (Array.isArray(values.relatedArtifacts)) {
    errors.push(
      ...(await checkArtifacts(db, workspaceId, values.relatedArtifacts as RelatedArtifact[], selfId)),
    );
  }
  return errors;
}

async function checkArtifacts(
  db: Executor,
  workspaceId: string,
  artifacts: RelatedArtifact[],
  selfId: string | undefined,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [type, tableName] of Object.entries(internalArtifactTables)) {
    const wanted = artifacts
      .map((artifact, index) => ({ artifact, index }))
      .filter(({ artifact }) => artifact.type === type);
    if (wanted.length === 0) continue;
    const ids = wanted.map(({ artifact }) => (artifact as { id: string }).id);
    const found = await existingIds(db, workspaceId, tableName, ids);
    for (const { artifact, index } of wanted) {
      const id = (artifact as { id: string }).id;
      if (!found) {
        errors.push({
          path: `relatedArtifacts.${index}.type`,
          message: `unknown artifact type ${type}: not available on this server`,
        });
      } else if (type === 'decision' && id === selfId) {
        errors.push({ path: `relatedArtifacts.${index}.id`, message: 'a decision cannot link to itself' });
      } else if (!found.has(id)) {
        errors.push({ path: `relatedArtifacts.${index}.id`, message: `no such ${type} in this workspace` });
      }
    }
  }
  return errors;
}

/** 422 listing every field that names something that does not exist. */
export function unprocessable(errors: FieldError[]): AppError {
  return new AppError('unprocessable', errors.map((error) => `${error.path}: ${error.message}`).join('; '), {
    code: 'decision_log.invalid_reference',
    errors,
  });
}
