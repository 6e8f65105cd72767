import { AppError, type FieldError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import { internalArtifactTables, type RelatedArtifact } from './contracts.ts';
import { decisionTypesOf, existingIds, membersAmong } from './store.ts';

/** The fields of a decision that name something else: a type, members, a project, linked records. */
export interface DecisionReferences {
  decisionType?: string;
  decisionOwnerId?: string | null;
  involvedQa?: readonly string[];
  projectId?: string | null;
  relatedArtifacts?: readonly RelatedArtifact[];
}

/** Checks references against the workspace: members, decision type, project and internal links. */
export async function checkReferences(
  db: Executor,
  scope: Scope,
  values: DecisionReferences,
  selfId?: string,
): Promise<FieldError[]> {
  const { workspaceId } = scope.ctx;
  const errors: FieldError[] = [];
  if (values.decisionType !== undefined) {
    const types = await decisionTypesOf(db, workspaceId);
    if (!types.includes(values.decisionType)) {
      errors.push({
        path: 'decisionType',
        message: `not a decision type of this workspace (${types.join(', ')})`,
      });
    }
  }
  const ownerId = values.decisionOwnerId;
  const qa = values.involvedQa ?? [];
  const people = [...(ownerId ? [ownerId] : []), ...qa];
  if (people.length) {
    const members = new Set((await membersAmong(db, workspaceId, people)).map((member) => member.userId));
    if (ownerId && !members.has(ownerId)) {
      errors.push({ path: 'decisionOwnerId', message: 'is not a member of this workspace' });
    }
    qa.forEach((userId, index) => {
      if (!members.has(userId))
        errors.push({ path: `involvedQa.${index}`, message: 'is not a member of this workspace' });
    });
  }
  if (values.projectId) {
    const found = await existingIds(db, scope.app.resources, workspaceId, 'projects', [values.projectId]);
    if (!found?.has(values.projectId))
      errors.push({ path: 'projectId', message: 'no such project in this workspace' });
  }
  if (values.relatedArtifacts) {
    errors.push(...(await checkArtifacts(db, scope, values.relatedArtifacts, selfId)));
  }
  return errors;
}

async function checkArtifacts(
  db: Executor,
  scope: Scope,
  artifacts: readonly RelatedArtifact[],
  selfId: string | undefined,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [type, tableName] of Object.entries(internalArtifactTables)) {
    const wanted = artifacts.flatMap((artifact, index) =>
      artifact.type === type && 'id' in artifact ? [{ id: artifact.id, index }] : [],
    );
    if (wanted.length === 0) continue;
    const found = await existingIds(
      db,
      scope.app.resources,
      scope.ctx.workspaceId,
      tableName,
      wanted.map(({ id }) => id),
    );
    for (const { id, index } of wanted) {
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
