import type { components } from '../../api/schema.d.ts';

/** The shapes of the tasks API, as its OpenAPI document describes them. */
type Schemas = components['schemas'];

export type Task = Schemas['Task'];
export type TaskStatus = Task['status'];
export type TaskSourceKind = Schemas['TaskSource']['kind'];
export type AcceptanceCriterion = Schemas['TaskAcceptanceCriterion'];
export type GateOverride = Schemas['TaskGateOverride'];
export type GateCondition = Schemas['TaskGateCondition'];
export type GateEvaluation = Schemas['TaskGateEvaluation'];
export type NewTask = Schemas['TaskCreate'];
export type TaskEvidenceAdd = Schemas['TaskEvidenceAdd'];
export type TaskUpdate = Schemas['TaskUpdate'];

export const taskStatuses: readonly TaskStatus[] = [
  'open',
  'claimed',
  'in_review',
  'done',
  'blocked',
  'cancelled',
];
export const taskSourceKinds: readonly TaskSourceKind[] = ['requirement', 'check', 'finding', 'manual'];
