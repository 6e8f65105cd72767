import type { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { defineResource, type HookContext } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import type { Executor } from '../../db/connection.ts';
import {
  type DecisionCreate,
  type DecisionUpdate,
  decisionBodyFields,
  decisionCreateSchema,
  decisionLogSchema,
  decisionStatuses,
  decisionUpdateSchema,
  type impactRiskSchema,
  referenceOf,
} from './contracts.ts';
import { decisionPermissions, editableStatuses, initialStatus } from './lifecycle.ts';
import { allocateNumber, membersAmong } from './store.ts';
import type { DecisionRow } from './tables.ts';
import { decisionLogs } from './tables.ts';
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

type ImpactRisk = z.output<typeof impactRiskSchema> | null;

/** The API's `impactRisk: {level, text}` is two columns. */
function impactColumns(impact: ImpactRisk | undefined) {
  if (impact === undefined) return {};
  return { impactRiskLevel: impact?.level ?? null, impactRiskText: impact?.text ?? '' };
}

/** The owner's display name defaults to the member's name. */
async function ownerName(tx: Executor, workspaceId: string, ownerId: string | null | undefined) {
  if (!ownerId) return undefined;
  const [member] = await membersAmong(tx, workspaceId, [ownerId]);
  return member?.displayName;
}

async function beforeCreate(values: DecisionCreate, { scope, tx }: HookContext) {
  const { impactRisk, status: requested, ...fields } = values;
  const status = initialStatus(scope.ctx.actor, requested);
  const errors = await checkReferences(tx, scope, values);
  if (errors.length) throw unprocessable(errors);
  const workspaceId = scope.ctx.workspaceId;
  return {
    ...fields,
    ...impactColumns(impactRisk),
    status,
    decisionOwner: fields.decisionOwner || (await ownerName(tx, workspaceId, fields.decisionOwnerId)) || '',
    number: await allocateNumber(tx, workspaceId),
  };
}

const bodyFieldNames = Object.keys(decisionBodyFields);

async function beforeUpdate(changes: DecisionUpdate, current: DecisionRow, { scope, tx }: HookContext) {
  const { status } = current;
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
  const errors = await checkReferences(tx, scope, changes, current.id);
  if (errors.length) throw unprocessable(errors);
  const { impactRisk, ...fields } = changes;
  const owner =
    changes.decisionOwnerId !== undefined && changes.decisionOwner === undefined
      ? { decisionOwner: (await ownerName(tx, scope.ctx.workspaceId, changes.decisionOwnerId)) ?? '' }
      : {};
  return { ...fields, ...owner, ...impactColumns(impactRisk) };
}

function beforeDelete(current: DecisionRow) {
  if (current.supersededBy || current.supersedes.length) {
    throw new AppError(
      'conflict',
      'This decision is part of a supersession chain; deleting it would break the history of the decisions linked to it.',
      { code: 'decision_log.linked' },
    );
  }
}

function toOutput(row: DecisionRow) {
  return {
    reference: referenceOf(row.number),
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
    table.decisionDrivers,
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
