import type { components } from '../../api/schema.d.ts';

/** The shapes of the sagas and release workflow APIs, as the OpenAPI document describes them. */
type Schemas = components['schemas'];

export type Saga = Schemas['Saga'];
export type SagaWithSteps = Schemas['SagaWithSteps'];
export type SagaStepRun = Schemas['SagaStepRun'];
export type SagaWait = Schemas['SagaWait'];
export type SagaStatus = Saga['status'];
export type ReleaseWorkflow = Schemas['ReleaseWorkflow'];
export type ReleaseWorkflowVersion = Schemas['ReleaseWorkflowVersion'];
export type AllowedHost = Schemas['ReleaseAllowedHost'];
export type ReleaseSecret = Schemas['ReleaseSecret'];

export const sagaStatuses: readonly SagaStatus[] = [
  'pending',
  'running',
  'waiting',
  'compensating',
  'completed',
  'failed',
  'compensation_failed',
  'cancelled',
];
