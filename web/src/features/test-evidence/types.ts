import type { components } from '../../api/schema';

/** The shapes of the test-evidence API, as its OpenAPI document describes them. */
type Schemas = components['schemas'];

export type FileProblem = Schemas['TestFileProblem'];
export type Totals = Schemas['TestRunTotals'];
export type TestRun = Schemas['TestRun'];
export type RunStatus = TestRun['status'];
export type Scenario = Schemas['TestScenario'];
export type ResultStatus = Scenario['status'];
export type ScenarioDetail = Schemas['TestScenarioDetail'];
export type Step = Schemas['TestStep'];
export type Attachment = Step['attachments'][number];
export type Category = Schemas['TestCategory'];
export type HistoryEntry = Schemas['TestHistoryEntry'];
export type TrendPoint = Schemas['TestTrendPoint'];
export type FlakyTest = Schemas['FlakyTest'];
export type QuarantinedTest = Schemas['QuarantinedTest'];
export type GateResult = Schemas['TestGateResult'];
