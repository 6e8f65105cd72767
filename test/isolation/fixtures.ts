import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { expect } from 'vitest';
import type { Caller } from '../../src/test-support/app.ts';
import { seedDelivery } from './delivery-fixtures.ts';
import { sampleOf } from './sample-body.ts';
import { created } from './seeding.ts';

/** One of each kind of resource in a workspace, made through the API like a user would. */
export interface Seed {
  projectId: string;
  prdId: string;
  commentId: string;
  decisionId: string;
  invitationId: string;
  tokenId: string;
  agentUserId: string;
  metadataKey: string;
  lintRunId: string;
  /** An API contract of the plan, a version uploaded for it and one of its consumers. */
  contractId: string;
  contractVersionId: string;
  contractConsumerId: string;
  /** A flag that needs another (the dependency row), a change scheduled for it, and an SDK key. */
  flagKey: string;
  flagDependencyId: string;
  scheduledChangeId: string;
  sdkKeyId: string;
  /** An imported test run, the sha256 of an attachment it has, its scenario and that test's history id. */
  testRunId: string;
  testAttachmentSha: string;
  testScenarioId: string;
  testHistoryId: string;
  /** A finding set: a SARIF log uploaded with one result. */
  findingSetId: string;
  /** A saga: a run of the seed release workflow (it stops at its readiness check, undone). */
  sagaId: string;
  /** Delivery: a source, its sync run, and a merge request and Jira issue imported from files. */
  delivery: { sourceId: string; syncRunId: string; mergeRequestId: string; jiraIssueId: string };
  /** Ids of resources created generically from the OpenAPI document, by `<segment>/{id}`. */
  created: Record<string, string>;
}

let sequence = 0;

export async function seedWorkspace(owner: Caller): Promise<Seed> {
  sequence += 1;
  const project = await created(
    owner.post('/api/v1/projects', { name: 'Seed', key: `SEED${sequence}` }),
    'a project',
  );
  const projectId = String(project.id);
  const prd = await created(
    owner.post(`/api/v1/projects/${projectId}/prd-reviews`, {
      title: 'Seed PRD',
      content: '## Problem\nSeed.\n',
    }),
    'a PRD',
  );
  const prdId = String(prd.id);
  const comment = await created(
    owner.post(`/api/v1/projects/${projectId}/prd-reviews/${prdId}/comments`, { body: 'Seed comment' }),
    'a comment',
  );
  const decision = await created(
    owner.post('/api/v1/decision-logs', {
      title: 'Seed decision',
      decisionType: 'architecture',
      context: 'Seed.',
      decision: 'Seed.',
    }),
    'a decision',
  );
  const invitation = await created(
    owner.post('/api/v1/invitations', { email: `seed${sequence}@example.test`, role: 'viewer' }),
    'an invitation',
  );
  const token = await created(owner.post('/api/v1/tokens', { name: 'seed' }), 'a token');
  const agent = await created(owner.post('/api/v1/agents', { name: 'Seed agent' }), 'an agent');
  await created(owner.put(`/api/v1/entities/project/${projectId}/metadata`, { team: 'seed' }), 'metadata');
  const lintRun = await created(
    owner.post(`/api/v1/projects/${projectId}/migrations/lint-runs`, {
      files: [{ path: 'seed.sql', sql: 'CREATE INDEX seed_idx ON seed (id);' }],
    }),
    'a lint run',
  );
  const contract = await seedContract(owner, projectId);
  const flags = await seedFlags(owner, projectId);
  const testRun = await seedTestRun(owner, projectId);
  await created(
    owner.post(`/api/v1/projects/${projectId}/release-workflows`, {
      key: 'seed-release',
      name: 'Seed release',
      template: 'deploy-waves',
    }),
    'a release workflow',
  );
  const releaseRun = await created(
    owner.post(`/api/v1/projects/${projectId}/release-workflows/seed-release/runs`, {
      inputs: {
        version: '1.0.0',
        deployUrl: 'https://deploy.example.com/deploy',
        rollbackUrl: 'https://deploy.example.com/rollback',
        healthUrl: 'https://deploy.example.com/health',
      },
    }),
    'a release run',
  );
  const findingSet = await created(
    owner.post(`/api/v1/projects/${projectId}/findings/sarif`, {
      version: '2.1.0',
      runs: [
        { tool: { driver: { name: 'Seed' } }, results: [{ ruleId: 'seed', message: { text: 'seed' } }] },
      ],
    }),
    'a finding set',
  );
  return {
    projectId,
    prdId,
    commentId: String(comment.id),
    decisionId: String(decision.id),
    invitationId: String(invitation.id),
    tokenId: String(token.id),
    agentUserId: String((agent.user as { id: string }).id),
    metadataKey: 'team',
    lintRunId: String(lintRun.id),
    ...contract,
    ...flags,
    ...testRun,
    findingSetId: String((findingSet.data as { id: string }[])[0]?.id),
    sagaId: String(releaseRun.id),
    delivery: await seedDelivery(owner, projectId, sequence),
    created: {},
  };
}

async function seedContract(owner: Caller, projectId: string) {
  const contract = await created(
    owner.post(`/api/v1/projects/${projectId}/plan/breaking-change-management/api-contracts`, {
      name: 'seed-api',
      kind: 'openapi',
      currentVersion: '0',
    }),
    'an API contract',
  );
  const contracts = `/api/v1/projects/${projectId}/contracts/${contract.id}`;
  const document = { openapi: '3.0.3', info: { title: 'Seed', version: '1' }, paths: {} };
  const version = await created(
    owner.post(`${contracts}/versions`, { version: '1.0.0', content: JSON.stringify(document) }),
    'a contract version',
  );
  const consumer = await created(
    owner.post(`${contracts}/consumers`, { name: 'seed consumer' }),
    'a consumer',
  );
  return {
    contractId: String(contract.id),
    contractVersionId: String((version.version as { id: string }).id),
    contractConsumerId: String(consumer.id),
  };
}

async function seedFlags(owner: Caller, projectId: string) {
  const flags = `/api/v1/projects/${projectId}/flags`;
  await created(owner.post(flags, { key: 'seed-parent', kind: 'release' }), 'a flag');
  await created(owner.post(flags, { key: 'seed-flag', kind: 'release' }), 'a flag that needs it');
  await created(
    owner.put(`${flags}/seed-flag/prerequisites`, {
      prerequisites: [{ flagKey: 'seed-parent', value: true }],
    }),
    'a prerequisite',
  );
  const dependencies = await created(
    owner.get(`/api/v1/projects/${projectId}/plan/feature-flags/flag-dependencies`),
    'the flag dependencies',
  );
  const [dependency] = dependencies.data as { id: string }[];
  const change = await created(
    owner.post(`${flags}/seed-flag/schedule`, {
      environment: 'production',
      runAt: new Date(Date.now() + 86_400_000).toISOString(),
      change: { enabled: true },
    }),
    'a scheduled change',
  );
  const key = await created(
    owner.post(`/api/v1/projects/${projectId}/flag-sdk-keys`, {
      environment: 'production',
      kind: 'server',
      name: 'seed',
    }),
    'an SDK key',
  );
  return {
    flagKey: 'seed-flag',
    flagDependencyId: String(dependency?.id),
    scheduledChangeId: String(change.id),
    sdkKeyId: String(key.id),
  };
}

/** A test run uploaded as CI does (a zipped Allure folder with an attachment), once imported. */
async function seedTestRun(owner: Caller, projectId: string) {
  const attachment = 'seed log';
  const result = {
    uuid: 'seed',
    name: 'seed',
    fullName: 'seed#seed',
    historyId: 'seed',
    status: 'failed',
    statusDetails: { message: 'seed failure' },
    steps: [],
    attachments: [{ name: 'log', source: 'seed-attachment.txt', type: 'text/plain' }],
    parameters: [],
    labels: [],
    links: [],
  };
  const zip = Buffer.from(
    zipSync({
      'seed-result.json': strToU8(JSON.stringify(result)),
      'seed-attachment.txt': strToU8(attachment),
    }),
  );
  const runs = `/api/v1/projects/${projectId}/test-runs`;
  const run = await created(
    owner.post(runs, zip, { headers: { 'content-type': 'application/zip' } }),
    'a test run',
  );
  // The import runs in the server's process: bounded polling until it has ended.
  let status = String(run.status);
  for (let polls = 0; status !== 'imported' && polls < 500; polls += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = String((await owner.get(`${runs}/${run.id}`)).body.status);
  }
  expect(status).toBe('imported');
  const scenarios = await created(owner.get(`${runs}/${run.id}/scenarios`), 'the run scenarios');
  const [scenario] = scenarios.data as { id: string; historyId: string }[];
  return {
    testRunId: String(run.id),
    testAttachmentSha: createHash('sha256').update(attachment).digest('hex'),
    testScenarioId: String(scenario?.id),
    testHistoryId: String(scenario?.historyId),
  };
}

/**
 * How each path parameter gets a real value: keyed by the segment before it and the parameter
 * (`prd-reviews/{id}`). A route whose parameters have no entry here fails the suite, so a route
 * added later must say how to address one of its resources — and is then checked like the rest.
 */
export const parameterFixtures: Record<string, (seed: Seed) => string> = {
  'projects/{projectId}': (seed) => seed.projectId,
  'projects/{id}': (seed) => seed.projectId,
  'prd-reviews/{id}': (seed) => seed.prdId,
  'comments/{commentId}': (seed) => seed.commentId,
  'revisions/{number}': () => '1',
  'decision-logs/{id}': (seed) => seed.decisionId,
  'invitations/{id}': (seed) => seed.invitationId,
  'tokens/{id}': (seed) => seed.tokenId,
  'members/{userId}': (seed) => seed.agentUserId,
  'entities/{type}': () => 'project',
  'aggregates/{type}': () => 'project',
  '{type}/{id}': (seed) => seed.projectId,
  'metadata/{key}': (seed) => seed.metadataKey,
  'schemas/{type}': () => 'project',
  'lint-runs/{runId}': (seed) => seed.lintRunId,
  'contracts/{contract}': (seed) => seed.contractId,
  'versions/{versionId}': (seed) => seed.contractVersionId,
  'consumers/{consumerId}': (seed) => seed.contractConsumerId,
  'areas/{area}': () => 'background-jobs',
  'flags/{key}': (seed) => seed.flagKey,
  'environments/{environment}': () => 'production',
  'flag-dependencies/{id}': (seed) => seed.flagDependencyId,
  'schedule/{id}': (seed) => seed.scheduledChangeId,
  'flag-sdk-keys/{id}': (seed) => seed.sdkKeyId,
  'test-runs/{id}': (seed) => seed.testRunId,
  'test-runs/{runId}': (seed) => seed.testRunId,
  'attachments/{sha256}': (seed) => seed.testAttachmentSha,
  'scenarios/{scenarioId}': (seed) => seed.testScenarioId,
  'tests/{historyId}': (seed) => seed.testHistoryId,
  'finding-sets/{id}': (seed) => seed.findingSetId,
  'release-workflows/{key}': () => 'seed-release',
  'sagas/{sagaId}': (seed) => seed.sagaId,
  'delivery-sources/{id}': (seed) => seed.delivery.sourceId,
  'delivery-sync-runs/{id}': (seed) => seed.delivery.syncRunId,
  'merge-requests/{id}': (seed) => seed.delivery.mergeRequestId,
  'jira-issues/{id}': (seed) => seed.delivery.jiraIssueId,
  'signals/{name}': () => 'go',
};

/**
 * Parameters that name a kind of thing rather than one workspace's resource (an entity type, a
 * revision number, a metadata key). A route addressed only by these has nothing of B's to reach.
 */
export const nonResourceParameters = new Set([
  'entities/{type}',
  'aggregates/{type}',
  'schemas/{type}',
  'revisions/{number}',
  'metadata/{key}',
  'areas/{area}',
  'environments/{environment}',
  'signals/{name}',
]);

/** Does the path address a particular workspace's resource (an id)? */
export function addressesResource(path: string): boolean {
  const segments = path.split('/');
  return segments.some(
    (segment, index) =>
      /^\{\w+\}$/.test(segment) && !nonResourceParameters.has(`${segments[index - 1]}/${segment}`),
  );
}

/** Fields a generated create body cannot guess (a known check or area name), by collection. */
export const createBodies: Record<string, Record<string, unknown>> = {
  waivers: {
    checkId: 'jobs.retry-policy-for-every-job-type',
    reason: 'seed',
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  },
  'disabled-checks': { checkId: 'jobs.retry-policy-for-every-job-type', reason: 'seed' },
  'not-applicable-areas': { area: 'background-jobs', reason: 'seed' },
  'release-allowed-hosts': { host: 'deploy.example.com' },
  'release-secrets': { name: 'SEED_TOKEN', value: 'seed' },
};

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document, read loosely
type OpenApiDocument = any;

/**
 * Resources served by the resource layer (a `create_…` POST on a collection with an `/{id}` item
 * route) that no fixture above names get one made from their create schema's smallest valid body.
 * So a module that declares new resources is covered without editing this file.
 */
export async function seedDeclaredResources(
  owner: Caller,
  seed: Seed,
  document: OpenApiDocument,
): Promise<void> {
  const components = document.components?.schemas ?? {};
  const collections = Object.keys(document.paths)
    .filter(
      (path) =>
        document.paths[path].post?.operationId?.startsWith('create_') && document.paths[`${path}/{id}`],
    )
    .sort((a, b) => a.split('/').length - b.split('/').length);
  for (const path of collections) {
    const key = `${path.split('/').pop()}/{id}`;
    if (parameterFixtures[key] || seed.created[key]) continue;
    const { url, unresolved } = resolvePath(path, seed);
    if (unresolved.length) continue;
    const schema = document.paths[path].post.requestBody?.content?.['application/json']?.schema;
    const body = { ...(sampleOf(schema, components) as object), ...createBodies[key.split('/')[0] ?? ''] };
    let answer = await owner.post(url, body);
    // A required reference to another row (`flagId`): try the rows made so far, newest first.
    const references = Object.keys(body).filter((field) => /Id$/.test(field));
    for (const candidate of Object.values(seed.created).reverse()) {
      if (answer.status === 201 || !references.length) break;
      answer = await owner.post(url, {
        ...body,
        ...Object.fromEntries(references.map((field) => [field, candidate])),
      });
    }
    if (answer.status === 201 && typeof answer.body?.id === 'string') seed.created[key] = answer.body.id;
  }
}

/** The path with every parameter filled from the seed, or the parameters nothing resolves. */
export function resolvePath(path: string, seed: Seed): { url: string; unresolved: string[] } {
  const segments = path.split('/');
  const unresolved: string[] = [];
  const url = segments
    .map((segment, index) => {
      if (!/^\{\w+\}$/.test(segment)) return segment;
      const key = `${segments[index - 1]}/${segment}`;
      const made = seed.created?.[key];
      const fixture = parameterFixtures[key] ?? (made ? () => made : undefined);
      if (!fixture) {
        unresolved.push(key);
        return segment;
      }
      return encodeURIComponent(fixture(seed));
    })
    .join('/');
  return { url, unresolved };
}
