// The shapes of the server's answers, as the OpenAPI document describes them (see `npm run web:types`).
import type { components, operations } from '../../web/src/api/schema.d.ts';

type Schemas = components['schemas'];

/** The JSON body an operation answers with, for one status. */
type Answer<
  Operation extends keyof operations,
  Status extends keyof operations[Operation]['responses'],
> = operations[Operation]['responses'][Status] extends { content: { 'application/json': infer Body } }
  ? Body
  : never;

/** One item of a paginated list answer. */
type Item<List> = List extends { data: (infer Entry)[] } ? Entry : never;

export type Project = Schemas['Project'];

export type Prd = Schemas['PrdReview'];
export type LintResult = Schemas['PrdLintResult'];
export type PrdDiff = Schemas['PrdDiff'];
export type ReviewRequests = Answer<'request_prd_reviews', 200>;

export type Decision = Schemas['DecisionLog'];
export type ImportReport = Schemas['DecisionImportReport'];

export type Member = Item<Answer<'list_members', 200>>;
export type Agent = Answer<'create_agent', 201>;
export type Workspace = Item<Answer<'list_workspaces', 200>>;
export type CreatedWorkspace = Answer<'create_workspace', 201>;
export type Invitation = Answer<'create_invitation', 201>;
export type Token = Item<Answer<'list_tokens', 200>>;
export type CreatedToken = Answer<'create_token', 201>;

export type VerifyReport = Schemas['AuditVerifyReport'];
export type ReplayReport = Schemas['AuditReplayReport'];
export type ActivityReport = Schemas['AuditActivityReport'];
export type RetentionPolicy = Schemas['AuditRetentionPolicy'];
export type AccessLogPage = Answer<'list_audit_access_logs', 200>;

export type Scorecard = Schemas['ReadinessScorecard'];

export type SearchResults = Schemas['SearchResults'];

export type ContractVersionUploaded = Answer<'upload_contract_version', 201>;
export type ContractImpactDiff = Schemas['ContractImpactDiff'];
