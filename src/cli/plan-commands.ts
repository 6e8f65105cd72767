import type { Command } from 'commander';
import {
  type ApiClient,
  ApiError,
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import type { Prd, Project, Scorecard } from './api-types.ts';
import { demoDecisions, demoNotApplicable, demoPlan, demoPrd, demoProject } from './demo-plan.ts';
import { findProject, writeOutput } from './lookup.ts';

type Options = ConnectionOptions & Record<string, unknown>;

const clientOf = (options: Options) => createApiClient(resolveConnection(options));

function scorecardText(scorecard: Scorecard): string {
  const lines = [`Overall: ${scorecard.level} (${scorecard.passing} checks pass, ${scorecard.failing} fail)`];
  for (const area of scorecard.areas) {
    const level = area.applicable ? (area.level ?? 'none') : 'not applicable';
    lines.push(`${String(area.number).padStart(2)}. ${area.title.padEnd(34)} ${level}`);
    for (const check of area.failing) lines.push(`      ✗ ${check.id} (${check.level}): ${check.message}`);
  }
  return lines.join('\n');
}

/** Creates the demo project, or finds it when it already exists (so seeding twice adds nothing). */
async function demoProjectOf(client: ApiClient, key: string): Promise<{ id: string; created: boolean }> {
  try {
    const created = await client.request<Project>('POST', '/api/v1/projects', {
      body: { ...demoProject, key },
    });
    return { id: created.id, created: true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409)
      return { id: (await findProject(client, key)).id, created: false };
    throw error;
  }
}

async function seedDemo(options: Options): Promise<void> {
  const client = clientOf(options);
  const key = String(options.key ?? demoProject.key).toUpperCase();
  const project = await demoProjectOf(client, key);
  if (project.created) {
    const base = `/api/v1/projects/${project.id}`;
    await client.request('POST', `${base}/plan/import`, { body: { areas: demoPlan(new Date()) } });
    for (const exclusion of demoNotApplicable) {
      await client.request('POST', `${base}/readiness/not-applicable-areas`, { body: exclusion });
    }
    for (const decision of demoDecisions) {
      await client.request('POST', '/api/v1/decision-logs', {
        body: { ...decision, projectId: project.id, status: 'accepted' },
      });
    }
    // The demo's author approves their own PRD, which the project's review settings must allow.
    const prd = await client.request<Prd>('POST', `${base}/prd-reviews`, { body: demoPrd });
    await client.request('PATCH', `${base}/prd-review-settings`, { body: { authorMayApprove: true } });
    await client.request('POST', `${base}/prd-reviews/${prd.id}/submit`, { body: {} });
    await client.request('POST', `${base}/prd-reviews/${prd.id}/approve`, {
      body: { comment: 'Approved for the demo' },
    });
  }
  const scorecard = await client.request<Scorecard>('GET', `/api/v1/projects/${project.id}/readiness`);
  printResult(options, { projectId: project.id, key, created: project.created, scorecard }, () =>
    [
      project.created ? `Created ${key} with a sample plan.` : `${key} already exists; nothing added.`,
      scorecardText(scorecard),
      `Export it: shipshape plan export --project ${key} --format md`,
    ].join('\n'),
  );
}

export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description("A project's production-readiness plan");
  withConnectionOptions(
    plan.command('export').description('The whole plan, gaps first (Markdown for agents, or JSON)'),
  )
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .option('--format <format>', 'md or json', 'md')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options: Options) => {
      const format = options.json ? 'json' : String(options.format);
      if (format !== 'md' && format !== 'json') throw new Error(`--format must be md or json, not ${format}`);
      const client = clientOf(options);
      const project = await findProject(client, String(options.project));
      const body = await client.download(`/api/v1/projects/${project.id}/plan`, { format });
      await writeOutput(options.out as string | undefined, body);
    });
  withConnectionOptions(plan.command('readiness').description("A project's readiness scorecard"))
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .action(async (options: Options) => {
      const client = clientOf(options);
      const project = await findProject(client, String(options.project));
      const scorecard = await client.request<Scorecard>('GET', `/api/v1/projects/${project.id}/readiness`);
      printResult(options, scorecard, () => scorecardText(scorecard));
    });

  const demo = program.command('demo').description('Sample data to try Shipshape with');
  withConnectionOptions(
    demo
      .command('seed')
      .description(
        'Create a payments-service project with a sample plan (some areas complete, some with gaps)',
      ),
  )
    .option('--key <key>', 'the project key', demoProject.key)
    .action(seedDemo);
}
