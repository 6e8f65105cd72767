import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';

export const decisionStatuses = [
  'draft',
  'proposed',
  'accepted',
  'rejected',
  'deprecated',
  'superseded',
] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

export const impactLevels = ['low', 'medium', 'high', 'critical'] as const;

export const defaultDecisionTypes = [
  'architecture',
  'technology',
  'process',
  'product',
  'quality',
  'security',
] as const;

const argument = z.string().trim().min(1).max(2000);

/** One option that was considered, with its arguments (MADR's "Pros and Cons of the Options"). */
export const consideredOptionSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(300).describe('Name of the option'),
    description: z.string().max(10_000).default('').describe('What the option is (Markdown)'),
    pros: z.array(argument).max(30).default([]).describe('"Good, because …" arguments'),
    neutral: z.array(argument).max(30).default([]).describe('"Neutral, because …" arguments'),
    cons: z.array(argument).max(30).default([]).describe('"Bad, because …" arguments'),
  })
  .meta({ id: 'DecisionConsideredOption' });

export type ConsideredOption = z.output<typeof consideredOptionSchema>;

const title = z.string().trim().max(300).optional().describe('How the link reads to people');
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('An http(s) URL');

/** A Jira issue key: project key, dash, number (PAY-123). */
export const jiraKeyPattern = /^[A-Z][A-Z0-9_]{0,49}-[1-9]\d{0,9}$/;
/** A GitLab merge request: its web URL, or the short reference group/project!123. */
export const gitlabMergeRequestPattern =
  /^(?:https?:\/\/[^\s/]+\/[\w.-]+(?:\/[\w.-]+)+\/-\/merge_requests\/\d+\/?|[\w.-]+(?:\/[\w.-]+)+![1-9]\d{0,9})$/;
/** An API contract: a URL, or a path to an OpenAPI/AsyncAPI document in a repository. */
export const apiContractPattern = /^(?:https?:\/\/\S+|[\w.@-]+(?:\/[\w.@-]+)*\.(?:ya?ml|json))$/;

/** Typed links: internal ones name a record of the workspace by id, external ones are checked by shape. */
export const relatedArtifactSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('prd'), id: z.uuid().describe('A PRD of the workspace'), title }),
    z.strictObject({ type: z.literal('decision'), id: z.uuid().describe('Another decision'), title }),
    z.strictObject({
      type: z.literal('project'),
      id: z.uuid().describe('A project of the workspace'),
      title,
    }),
    z.strictObject({ type: z.literal('url'), url: httpUrl, title }),
    z.strictObject({
      type: z.literal('jira'),
      key: z.string().regex(jiraKeyPattern, 'a Jira issue key such as PAY-123'),
      title,
    }),
    z.strictObject({
      type: z.literal('gitlab_mr'),
      ref: z
        .string()
        .max(2000)
        .regex(gitlabMergeRequestPattern, 'a merge request URL or a reference such as group/project!123'),
      title,
    }),
    z.strictObject({
      type: z.literal('api_contract'),
      ref: z
        .string()
        .max(2000)
        .regex(apiContractPattern, 'a URL or a path to a .yaml, .yml or .json contract'),
      title,
    }),
  ])
  .meta({ id: 'DecisionRelatedArtifact' });

export type RelatedArtifact = z.output<typeof relatedArtifactSchema>;

/** Artifact types that point at a record of the workspace, and the table that holds them. */
export const internalArtifactTables = {
  prd: 'prd_reviews',
  decision: 'decision_logs',
  project: 'projects',
} as const;

const tag = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._:/-]*$/u, 'letters, digits, space and . _ : / - only');
const longText = (what: string) => z.string().max(50_000).describe(what);
const listItem = z.string().trim().min(1).max(2000);

export const decisionTypeName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, _ and -, starting with a letter')
  .describe("One of the workspace's decision types (GET /decision-logs/settings)");

export const impactRiskSchema = z
  .strictObject({
    level: z.enum(impactLevels).describe('How much is at stake'),
    text: z.string().max(10_000).default('').describe('What could go wrong, and for whom'),
  })
  .meta({ id: 'DecisionImpactRisk' });

/** Fields a person writes: the body of a decision (immutable once accepted). */
export const decisionBodyFields = {
  title: z.string().trim().min(1).max(300).describe('Short title naming the problem and the solution'),
  decisionType: decisionTypeName,
  decisionOwner: z.string().trim().max(200).describe('Display name of who owns the decision'),
  decisionOwnerId: z.uuid().nullable().describe('The owner, when they are a member of the workspace'),
  involvedQa: z.array(z.uuid()).max(50).describe('Members from QA involved in the decision'),
  decisionDate: z.iso.date().describe('When the decision was taken (YYYY-MM-DD)'),
  sprintRelease: z.string().trim().max(100).describe('Sprint or release the decision belongs to'),
  context: longText('Context and problem statement (Markdown)'),
  decision: longText('The decision and its justification (Markdown)'),
  decisionDrivers: z.array(listItem).max(50).describe('Forces and concerns that drove the decision'),
  consideredOptions: z
    .array(consideredOptionSchema)
    .max(30)
    .describe('Options considered, with pros and cons'),
  consequences: longText('Consequences, in prose (Markdown)'),
  consequencesGood: z.array(listItem).max(50).describe('Good consequences'),
  consequencesBad: z.array(listItem).max(50).describe('Bad consequences'),
  confirmation: longText('How compliance with the decision is checked'),
  moreInformation: longText('Anything else worth knowing (Markdown)'),
  impactRisk: impactRiskSchema.nullable().describe('Impact and risk of the decision'),
  projectId: z.uuid().nullable().describe('The project the decision belongs to; null for workspace-wide'),
};

/** Fields that may change after acceptance: links and labels, not substance. */
export const decisionLinkFields = {
  tags: z.array(tag).max(50).describe('Free-form labels'),
  relatedArtifacts: z.array(relatedArtifactSchema).max(100).describe('Typed links to related artifacts'),
};

export const creatableStatuses = ['draft', 'proposed', 'accepted', 'rejected'] as const;

export const decisionCreateSchema = z
  .strictObject({
    ...decisionBodyFields,
    decisionOwner: decisionBodyFields.decisionOwner.optional(),
    decisionOwnerId: decisionBodyFields.decisionOwnerId.optional(),
    involvedQa: decisionBodyFields.involvedQa.default([]),
    decisionDate: decisionBodyFields.decisionDate.optional(),
    sprintRelease: decisionBodyFields.sprintRelease.default(''),
    context: decisionBodyFields.context.default(''),
    decision: decisionBodyFields.decision.default(''),
    decisionDrivers: decisionBodyFields.decisionDrivers.default([]),
    consideredOptions: decisionBodyFields.consideredOptions.default([]),
    consequences: decisionBodyFields.consequences.default(''),
    consequencesGood: decisionBodyFields.consequencesGood.default([]),
    consequencesBad: decisionBodyFields.consequencesBad.default([]),
    confirmation: decisionBodyFields.confirmation.default(''),
    moreInformation: decisionBodyFields.moreInformation.default(''),
    impactRisk: decisionBodyFields.impactRisk.optional(),
    projectId: decisionBodyFields.projectId.optional(),
    tags: decisionLinkFields.tags.default([]),
    relatedArtifacts: decisionLinkFields.relatedArtifacts.default([]),
    status: z
      .enum(creatableStatuses)
      .optional()
      .describe(
        'Default draft (proposed for agents). Creating an accepted or rejected decision records a past ratification and needs the decision_log.ratify permission',
      ),
  })
  .meta({ id: 'DecisionLogCreate' });

export const decisionUpdateSchema = z
  .strictObject({ ...decisionBodyFields, ...decisionLinkFields })
  .partial()
  .meta({ id: 'DecisionLogUpdate' });

export type DecisionCreate = z.output<typeof decisionCreateSchema>;
export type DecisionUpdate = z.output<typeof decisionUpdateSchema>;

export const decisionLogSchema = z
  .object({
    ...resourceOutputFields,
    number: z.number().int().min(1).describe('Sequential number in the workspace'),
    reference: z.string().describe('The number as people quote it: ADR-0007'),
    ...decisionBodyFields,
    decisionOwner: decisionBodyFields.decisionOwner,
    ...decisionLinkFields,
    status: z.enum(decisionStatuses).describe('Changes only through the lifecycle actions'),
    supersededBy: z.uuid().nullable().describe('The decision that replaces this one'),
    supersedes: z.array(z.uuid()).describe('The decisions this one replaces'),
  })
  .meta({ id: 'DecisionLog' });

export const decisionSettingsSchema = z
  .strictObject({
    decisionTypes: z
      .array(decisionTypeName)
      .min(1)
      .max(50)
      .refine((types) => new Set(types).size === types.length, 'types must be unique')
      .describe('The decision types this workspace uses'),
  })
  .meta({ id: 'DecisionLogSettings' });

/** `ADR-0007` for 7. */
export function referenceOf(number: number): string {
  return `ADR-${String(number).padStart(4, '0')}`;
}

export const timelineQuerySchema = z.strictObject({
  project: z.uuid().optional().describe('Only the decisions of this project'),
  from: z.iso.date().optional().describe('Decisions taken on or after this date'),
  to: z.iso.date().optional().describe('Decisions taken on or before this date'),
  limit: z.coerce.number().int().min(1).max(200).default(100).describe('Page size (default 100)'),
  cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page'),
});

export const timelineEntrySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    reference: z.string(),
    title: z.string(),
    status: z.enum(decisionStatuses),
    decisionType: z.string(),
    decisionDate: z.string().describe('YYYY-MM-DD'),
    projectId: z.uuid().nullable(),
    supersedes: z.array(z.uuid()),
    supersededBy: z.uuid().nullable(),
    chain: z
      .array(z.uuid())
      .describe('The supersession chain this decision is part of, oldest first (just itself if none)'),
    current: z.uuid().describe('The decision in force at the end of the chain'),
  })
  .meta({ id: 'DecisionTimelineEntry' });

/** The ADR formats import reads. */
export const importFormats = ['nygard', 'madr2', 'madr3', 'madr4', 'log4brains'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** The most files one import takes. */
export const maxImportFiles = 1000;

export const importRequestSchema = z
  .strictObject({
    files: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(255).describe('File name, e.g. 0003-use-postgresql.md'),
          content: z.string().max(512_000).describe('The Markdown text'),
        }),
      )
      .min(1)
      .max(maxImportFiles)
      .describe('The ADR files of one folder'),
    dryRun: z.boolean().default(false).describe('Only report what would be created'),
    projectId: z.uuid().optional().describe('The project the imported decisions belong to'),
    decisionType: decisionTypeName
      .optional()
      .describe('Type of the decisions whose file names none (default architecture)'),
  })
  .meta({ id: 'DecisionImportRequest' });

export const importReportSchema = z
  .object({
    dryRun: z.boolean(),
    decisions: z.array(
      z.object({
        file: z.string(),
        format: z.enum(importFormats),
        id: z.uuid().nullable().describe('Null in a dry run'),
        number: z.number().int().describe('The number it gets (or would get) in the workspace'),
        reference: z.string(),
        title: z.string(),
        status: z.enum(decisionStatuses),
        decisionDate: z.string().nullable(),
        decisionOwner: z.string(),
        supersededBy: z.string().nullable().describe('File of the decision that replaces it'),
        supersedes: z.array(z.string()).describe('Files of the decisions it replaces'),
        warnings: z.array(z.string()),
      }),
    ),
    errors: z.array(z.object({ file: z.string(), reason: z.string() })),
  })
  .meta({ id: 'DecisionImportReport' });

export type ImportRequest = z.output<typeof importRequestSchema>;

const reason = z.string().trim().max(2000).optional().describe('Why, for the audit trail');
const version = z.number().int().min(1).optional().describe('The version you read; 412 if it changed since');

/** The body of each lifecycle action. */
export const transitionBodies = {
  propose: z.strictObject({ reason, version }),
  accept: z.strictObject({ reason, version }),
  reject: z.strictObject({ reason, version }),
  deprecate: z.strictObject({ reason, version }),
  supersede: z.strictObject({
    supersededBy: z.uuid().describe('The accepted decision that replaces this one'),
    reason,
    version,
  }),
};

export const exportQuerySchema = z.strictObject({
  format: z.enum(['zip', 'csv']).describe('zip: numbered MADR Markdown files; csv: one row per decision'),
  project: z.uuid().optional().describe('Only the decisions of this project'),
  status: z.enum(decisionStatuses).optional().describe('Only decisions with this status'),
});
