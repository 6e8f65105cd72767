import { z } from 'zod';
import { definePermission } from '../../core/auth/permissions.ts';
import { resourceOutputFields } from '../../core/resource/schemas.ts';

// The delivery API's shapes: connections, sources, sync runs, settings, people, and the derived
// rows the metrics are computed from.

export const deliveryPermissions = {
  read: definePermission('delivery.read', 'read'),
  write: definePermission('delivery.write', 'write'),
  /** Offline imports: people who write, and agents or CI that contribute evidence. */
  import: definePermission('delivery.import', ['write', 'contribute']),
  /** Connections hold credentials to other systems: administrators only. */
  connect: definePermission('delivery.connect', 'administer'),
};

const baseUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  // Zod runs refinements after a failed check too: what is no URL was refused above, so pass it here.
  .refine(
    (url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password),
    'credentials belong in the token, not the URL',
  )
  .transform((url) => url.replace(/\/+$/, ''))
  .describe('The instance’s address, e.g. `https://gitlab.example.com` or `https://acme.atlassian.net`');

const secret = z
  .string()
  .min(1)
  .max(4000)
  .describe('The access token or API token: stored encrypted, never answered, never logged');

export const connectionCreateSchema = z
  .strictObject({
    kind: z.enum(['gitlab', 'jira']),
    name: z.string().trim().min(1).max(100),
    baseUrl,
    authKind: z
      .enum(['token', 'basic', 'bearer'])
      .optional()
      .describe('GitLab: `token` (default). Jira: `basic` (email + API token, default) or `bearer`'),
    email: z.email().optional().describe('Jira `basic` auth: the account’s email'),
    jiraApi: z.enum(['cloud', 'server']).optional().describe('Jira only; `cloud` by default'),
    secret,
    syncIntervalMinutes: z.number().int().min(5).max(10_080).default(60),
  })
  .superRefine((value, context) => {
    const auth = value.authKind ?? (value.kind === 'gitlab' ? 'token' : 'basic');
    if (value.kind === 'gitlab' && auth !== 'token')
      context.addIssue({ code: 'custom', path: ['authKind'], message: 'GitLab connections use `token`' });
    if (value.kind === 'jira' && auth === 'token')
      context.addIssue({
        code: 'custom',
        path: ['authKind'],
        message: 'Jira connections use `basic` or `bearer`',
      });
    if (auth === 'basic' && !value.email)
      context.addIssue({ code: 'custom', path: ['email'], message: 'basic auth needs the account’s email' });
  });

export const connectionUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  baseUrl: baseUrl.optional(),
  email: z.email().optional(),
  secret: secret.optional().describe('A new token (rotating it); stored encrypted'),
  syncIntervalMinutes: z.number().int().min(5).max(10_080).optional(),
});

export const connectionSchema = z
  .object({
    ...resourceOutputFields,
    kind: z.enum(['gitlab', 'jira']),
    name: z.string(),
    baseUrl: z.string(),
    authKind: z.enum(['token', 'basic', 'bearer']),
    email: z.string().nullable(),
    jiraApi: z.enum(['cloud', 'server']).nullable(),
    syncIntervalMinutes: z.number().int(),
    hasSecret: z.boolean().describe('Always true: the secret itself is never answered'),
    createdBy: z.uuid().nullable(),
  })
  .meta({ id: 'DeliveryConnection' });

export const connectionTestSchema = z
  .object({
    ok: z.boolean(),
    user: z.string().nullable().describe('The remote account the token belongs to'),
    scopes: z.array(z.string()).nullable().describe('The token’s scopes, where the source tells them'),
    error: z.string().nullable().describe('The exact failure, when not ok'),
  })
  .meta({ id: 'DeliveryConnectionTest' });

export const sourceCreateSchema = z
  .strictObject({
    connectionId: z.uuid(),
    gitlabProject: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .regex(/^(\d+|[\w.-]+(\/[\w.-]+)+)$/, 'a numeric id or a full path such as group/app')
      .optional(),
    jql: z.string().trim().min(1).max(2000).optional().describe('e.g. `project = PAY`'),
    enabled: z.boolean().default(true),
  })
  .describe('gitlabProject for a GitLab connection, jql for a Jira one');

export const sourceUpdateSchema = z.strictObject({
  gitlabProject: z.string().trim().min(1).max(300).optional(),
  jql: z.string().trim().min(1).max(2000).optional(),
  enabled: z.boolean().optional(),
});

export const sourceSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    connectionId: z.uuid(),
    gitlabProject: z.string().nullable(),
    jql: z.string().nullable(),
    enabled: z.boolean(),
    syncedUpTo: z.date().nullable().describe('The next sync asks for changes since this time'),
    lastSyncAt: z.date().nullable(),
    lastSyncStatus: z.string().nullable(),
  })
  .meta({ id: 'DeliverySource' });

export const syncRunSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    sourceId: z.uuid(),
    trigger: z.enum(['manual', 'schedule']),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    since: z.date().nullable(),
    phase: z.string().nullable(),
    cursor: z.string().nullable(),
    seenUpTo: z.date().nullable(),
    pages: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    errors: z.array(z.object({ at: z.string(), message: z.string() })),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
    durationMs: z.number().int().nullable(),
    sagaId: z.uuid().nullable(),
    startedBy: z.uuid().nullable(),
  })
  .meta({ id: 'DeliverySyncRun' });

const statusNames = z.array(z.string().trim().min(1).max(100)).max(50);

export const settingsSchema = z
  .object({
    inProgressStatuses: statusNames.describe('Jira statuses that mean work has started'),
    doneStatuses: statusNames.describe('Jira statuses that mean done'),
    incidentIssueTypes: statusNames.describe('Jira issue types that are production incidents (DORA)'),
    productionEnvironments: statusNames.describe('GitLab environments that are production'),
    pickupTargetHours: z.number().int().min(1).max(720).nullable().describe('Target median pickup time'),
    historyRetentionDays: z
      .number()
      .int()
      .min(30)
      .max(3650)
      .nullable()
      .describe('Jira changes older than this move to the archive; null keeps them'),
  })
  .meta({ id: 'DeliverySettings' });

export const settingsUpdateSchema = settingsSchema.partial().strict();

export const defaultSettings: z.output<typeof settingsSchema> = {
  inProgressStatuses: ['In Progress', 'In Review'],
  doneStatuses: ['Done', 'Closed', 'Resolved'],
  incidentIssueTypes: ['Incident'],
  productionEnvironments: ['production', 'prod'],
  pickupTargetHours: null,
  historyRetentionDays: null,
};

export const personCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().optional(),
  team: z.string().trim().min(1).max(100).optional(),
  gitlabUsernames: z.array(z.string().trim().min(1).max(255)).max(20).default([]),
  jiraAccountIds: z.array(z.string().trim().min(1).max(255)).max(20).default([]),
});

export const personUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().nullable().optional(),
  team: z.string().trim().min(1).max(100).nullable().optional(),
  gitlabUsernames: z.array(z.string().trim().min(1).max(255)).max(20).optional(),
  jiraAccountIds: z.array(z.string().trim().min(1).max(255)).max(20).optional(),
});

export const personSchema = z
  .object({
    ...resourceOutputFields,
    name: z.string(),
    email: z.string().nullable(),
    team: z.string().nullable(),
    gitlabUsernames: z.array(z.string()),
    jiraAccountIds: z.array(z.string()),
  })
  .meta({ id: 'DeliveryPerson' });
