// Setting up delivery sources through the public API and syncing them to completion, for the benchmark.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { AppServices } from '../src/core/http/route.ts';
import type { DeliveryDataset } from '../src/test-support/delivery-replay/index.ts';
import { type ApiCaller, expectStatus } from './delivery-measure.ts';

export const jiraJql = 'project = SHIP';

const created = z.object({ id: z.string() });
const runSchema = z.object({
  id: z.string(),
  status: z.string(),
  pages: z.number(),
  created: z.number(),
  updated: z.number(),
  errors: z.array(z.object({ message: z.string() })),
});
const startedSchema = z.object({ runs: z.array(runSchema) });

export interface DeliverySetup {
  projectId: string;
  gitlabSources: string[];
  jiraSource: string;
}

async function createOne(api: ApiCaller, path: string, body: object): Promise<string> {
  return created.parse(expectStatus(await api.post(path, body), 201, `POST ${path}`)).id;
}

/** A project; one GitLab connection and source per replay project; one Jira connection and source. */
export async function setUpDelivery(
  api: ApiCaller,
  dataset: DeliveryDataset,
  replayUrl: string,
): Promise<DeliverySetup> {
  const projectId = await createOne(api, '/api/v1/projects', { name: 'Delivery bench', key: 'DLVB' });
  const sources = `/api/v1/projects/${projectId}/delivery-sources`;
  const gitlabSources: string[] = [];
  for (const gitlabProject of Object.keys(dataset.gitlab.projects)) {
    const connectionId = await createOne(api, '/api/v1/delivery-connections', {
      kind: 'gitlab',
      name: `GitLab replay ${gitlabProject}`,
      baseUrl: replayUrl,
      secret: dataset.gitlab.token,
    });
    gitlabSources.push(await createOne(api, sources, { connectionId, gitlabProject }));
  }
  const jiraConnection = await createOne(api, '/api/v1/delivery-connections', {
    kind: 'jira',
    name: 'Jira replay',
    baseUrl: replayUrl,
    secret: dataset.jira.token,
    authKind: 'basic',
    email: dataset.jira.email,
  });
  const jiraSource = await createOne(api, sources, { connectionId: jiraConnection, jql: jiraJql });
  return { projectId, gitlabSources, jiraSource };
}

export interface SyncFigures {
  seconds: number;
  pages: number;
  /** Items written: created plus updated (merge requests and deployments, or issues). */
  items: number;
}

/** Starts a full sync of each source at once, waits until every run completed, and totals the runs. */
export async function syncSources(
  api: ApiCaller,
  services: AppServices,
  projectId: string,
  sourceIds: string[],
): Promise<SyncFigures> {
  const started = performance.now();
  const runIds: string[] = [];
  for (const sourceId of sourceIds) {
    const answer = await api.post(`/api/v1/projects/${projectId}/delivery/sync`, { sourceId, full: true });
    const { runs } = startedSchema.parse(expectStatus(answer, 202, 'POST …/delivery/sync'));
    runIds.push(...runs.map((run) => run.id));
  }
  const runs = await settledRuns(api, services, projectId, runIds);
  const seconds = (performance.now() - started) / 1000;
  const failed = runs.filter((run) => run.status !== 'completed');
  if (failed.length > 0)
    throw new Error(`sync runs did not complete: ${JSON.stringify(failed).slice(0, 2000)}`);
  return {
    seconds,
    pages: runs.reduce((sum, run) => sum + run.pages, 0),
    items: runs.reduce((sum, run) => sum + run.created + run.updated, 0),
  };
}

/** Waits for the saga drivers to have nothing left, then for every run to be completed or failed. */
async function settledRuns(api: ApiCaller, services: AppServices, projectId: string, runIds: string[]) {
  let reportedAt = performance.now();
  for (;;) {
    await services.sagas.idle();
    const runs = [];
    for (const id of runIds) {
      const answer = await api.get(`/api/v1/projects/${projectId}/delivery-sync-runs/${id}`);
      runs.push(runSchema.parse(expectStatus(answer, 200, 'GET …/delivery-sync-runs/{id}')));
    }
    if (runs.every((run) => run.status === 'completed' || run.status === 'failed')) return runs;
    if (performance.now() - reportedAt > 30_000) {
      reportedAt = performance.now();
      await reportWaiting(services, runs);
    }
    // A read step waiting out its retry backoff is not in flight: look again shortly.
    await sleep(250);
  }
}

/** Where unsettled runs stand and what their sagas say, on stderr: a sync that stalls shows why. */
async function reportWaiting(services: AppServices, runs: z.infer<typeof runSchema>[]) {
  const sagas = await services.systemDatabase.query<{ status: string; step: number; error: string | null }>(
    `select status, current_step as step, step_attempts as attempts, wake_at, lease_until,
       left(error_message, 300) as error from workflow_sagas
     where saga_type = 'delivery.sync' and status <> 'completed'`,
  );
  const standing = runs.map((run) => `${run.status} ${run.pages}p ${run.created + run.updated}i`).join(', ');
  console.error(`waiting: runs ${standing}; sagas ${JSON.stringify(sagas)}`);
}
