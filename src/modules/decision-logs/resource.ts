import { AppError } from '../../core/http/errors.ts';
import { defineResource, type HookContext, type Row } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import type { Executor } from '../../db/connection.ts';
import { decisionPermissions, editableStatuses, initialStatus } from './lifecycle.ts';
import {
  type DecisionStatus,
  decisionBodyFields,
  decisionCreateSchema,
  decisionLogSchema,
  decisionLogs,
  decisionStatuses,
  decisionUpdateSchema,
  referenceOf,
} from './schema.ts';
import { allocateNumber, membersAmong } from './store.ts';
import { checkReferences, unprocessable } from './validation.ts';

const table = decisionLogs;

/** The columns whose changes the audit trail records. */
const auditedFields = [
  'number',
  'projectId',
  'title',
  'decisionType',
  'decisionOwner',
  'decisionOwnerId',
  'involvedQa',
  'decisionDate',
  'sprintRelease',
  'context',
  'decision',
  'decisionDrivers',
  'consideredOptions',
  'consequences',
  'consequencesGood',
  'consequencesBad',
  'confirmation',
  'moreInformation',
  'impactRiskLevel',
  'impactRiskText',
  'status',
  'tags',
  'relatedArtifacts',
  'supersededBy',
  'supersedes',
] as const;

/** The API's `impactRisk: {level, text}` is two columns. */
function splitImpactRisk(values: Record<string, unknown>): void {
  if (!('impactRisk' in values)) return;
  const impact = values.impactRisk as { level: string; text?: string } | null | undefined;
  delete values.impactRisk;
  if (impact === undefined) return;
  values.impactRiskLevel = impact?.level ?? null;
  values.impactRiskText = impact?.text ?? '';
}

/** The owner's display name defaults to the member's name. */
async function completeOwnerName(tx: Executor, workspaceId: string, values: Record<string, unknown>) {
  if (typeof values.decisionOwnerId !== 'string' || values.decisionOwner) return;
  const [member] = await membersAmong(tx, workspaceId, [values.decisionOwnerId]);
  if (member) values.decisionOwner = member.displayName;
}

async function beforeCreate(values: Record<string, unknown>, { ctx, tx }: HookContext) {
  values.status = initialStatus(ctx.actor, values.status as DecisionStatus | undefined);
  const errors = await checkReferences(tx, ctx.workspaceId, values, values.id as string | undefined);
  if (errors.length) throw unprocessable(errors);
  await completeOwnerName(tx, ctx.workspaceId, values);
  values.decisionOwner ??= '';
  splitImpactRisk(values);
  values.number = await allocateNumber(tx, ctx.workspaceId);
  return values;
}

const bodyFieldNames = Object.keys(decisionBodyFields);

async function beforeUpdate(changes: Record<string, unknown>, current: Row, { ctx, tx }: HookContext) {
  const status = current.status as DecisionStatus;
  const body = Object.keys(changes).filter((field) => bodyFieldNames.includes(field));
  if (!editableStatuses.includes(status) && body.length) {
    throw new AppError(
      'conflict',
      `This decision is ${status}: its body is immutable (${body.join(', ')}). Only tags and related artifacts may change; record a new decision that supersedes it.`,
      {
        code: 'decision_log.immutable',
        errors: body.map((path) => ({ path, message: `cannot change once ${status}` })),
        extensions: { currentStatus: status, changeable: ['tags', 'relatedArtifacts'] },
      },
    );
  }
  const errors = await checkReferences(tx, ctx.workspaceId, changes, current.id);
  if (errors.length) throw unprocessable(errors);
  if (changes.decisionOwnerId !== undefined && changes.decisionOwner === undefined)
    changes.decisionOwner = '';
  await completeOwnerName(tx, ctx.workspaceId, changes);
  splitImpactRisk(changes);
  return changes;
}

function beforeDelete(current: Row) {
  const supersedes = current.supersedes as string[];
  if (current.supersededBy || supersedes.length) {
    throw new AppError(
      'conflict',
      'This decision is part of a supersession chain; deleting it would break the history of the decisions linked to it.',
      { code: 'decision_log.linked' },
    );
  }
}

function toOutput(row: Row) {
  return {
    reference: referenceOf(row.number as number),
    impactRisk: row.impactRiskLevel ? { level: row.impactRiskLevel, text: row.impactRiskText } : null,
  };
}

/** Decisions: a workspace-wide log, each decision optionally belonging to a project. */
export const decisionResource = defineResource({
  name: 'decision_log',
  path: 'decision-logs',
  label: 'decision',
  tag: 'Decision logs',
  scope: 'workspace',
  table,
  schemas: { create: decisionCreateSchema, update: decisionUpdateSchema, output: decisionLogSchema },
  filters: {
    decisionType: filterOn.text(table.decisionType, ['eq', 'ne', 'in']),
    status: filterOn.enum(table.status, decisionStatuses),
    owner: filterOn.nullable(filterOn.uuid(table.decisionOwnerId)),
    involvedQa: filterOn.uuidArray(table.involvedQa),
    tags: filterOn.textArray(table.tags),
    sprintRelease: filterOn.text(table.sprintRelease, ['eq', 'in', 'contains']),
    decisionDate: filterOn.date(table.decisionDate),
    project: filterOn.nullable(filterOn.uuid(table.projectId)),
    number: filterOn.number(table.number),
    createdAt: filterOn.timestamp(table.createdAt),
    updatedAt: filterOn.timestamp(table.updatedAt),
  },
  sortable: {
    decisionDate: table.decisionDate,
    number: table.number,
    title: table.title,
    createdAt: table.createdAt,
    updatedAt: table.updatedAt,
  },
  defaultSort: '-decisionDate',
  searchable: [
    table.title,
    table.context,
    table.decision,
    table.consequences,
    table.consequencesGood,
    table.consequencesBad,
  ],
  auditedFields,
  hooks: { beforeCreate, beforeUpdate, beforeDelete, toOutput },
  permissions: {
    read: decisionPermissions.read,
    create: decisionPermissions.create,
    update: decisionPermissions.update,
    delete: decisionPermissions.delete,
  },
});
