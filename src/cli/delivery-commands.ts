import type { Command } from 'commander';
import {
  type ApiClient,
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import { registerDeliveryFileCommands } from './delivery-files.ts';
import { deliveryBase, listOf } from './delivery-format.ts';
import { registerDeliveryMetricsCommand } from './delivery-metrics.ts';
import { registerDeliverySyncCommand } from './delivery-sync.ts';
import type {
  ConnectionTest,
  DeliveryConnection,
  DeliverySettings,
  DeliverySource,
} from './delivery-types.ts';
import { table } from './test-format.ts';

// `shipshape delivery …`: where delivery data comes from (GitLab and Jira connections, a project's
// sources), syncing and importing it, and the figures the server and the engine compute from it.

type Options = ConnectionOptions & Record<string, unknown>;
export type DeliveryCommand = (parent: Command, name: string, description: string) => Command;

const clientOf = (options: Options) => createApiClient(resolveConnection(options));
const connectionsPath = '/api/v1/delivery-connections';
const command: DeliveryCommand = (parent, name, description) =>
  withConnectionOptions(parent.command(name).description(description));

export function registerDeliveryCommands(program: Command): void {
  const delivery = program
    .command('delivery')
    .description(
      'Delivery metrics from GitLab and Jira: connect, sync or import, and read lead times and DORA',
    );
  registerConnectionCommands(delivery);
  registerSourceCommands(delivery);
  registerDeliverySyncCommand(delivery, command);
  registerDeliveryFileCommands(delivery, command);
  registerDeliveryMetricsCommand(delivery, command);
  registerSettingsCommand(delivery);
}

/** A connection named by its id or its name. */
async function findConnection(client: ApiClient, reference: string): Promise<DeliveryConnection> {
  const all = await client.listAll<DeliveryConnection>(connectionsPath);
  const found = all.find((each) => each.id === reference) ?? all.find((each) => each.name === reference);
  if (!found) throw new Error(`no delivery connection named ${reference} in this workspace`);
  return found;
}

/** The token from the environment variable named, or from stdin: never from the command line. */
async function readSecret(options: Options): Promise<string> {
  if (Boolean(options.tokenEnv) === Boolean(options.tokenStdin))
    throw new Error('give the token with exactly one of --token-env VAR and --token-stdin');
  let secret = '';
  if (options.tokenStdin) for await (const chunk of process.stdin) secret += String(chunk);
  else secret = process.env[String(options.tokenEnv)] ?? '';
  secret = secret.trim();
  if (!secret)
    throw new Error(
      options.tokenStdin ? 'stdin held no token' : `$${String(options.tokenEnv)} is not set or empty`,
    );
  return secret;
}

const connectionRow = (each: DeliveryConnection) => [
  each.id,
  each.kind,
  each.name,
  each.authKind,
  `${each.syncIntervalMinutes} min`,
  each.baseUrl,
];

function registerConnectionCommands(delivery: Command): void {
  const connections = delivery.command('connections').description('GitLab and Jira instances (admins)');
  command(connections, 'list', 'The workspace’s connections').action(async (options: Options) => {
    const all = await clientOf(options).listAll<DeliveryConnection>(connectionsPath);
    printResult(options, all, () =>
      all.length
        ? table([['ID', 'KIND', 'NAME', 'AUTH', 'INTERVAL', 'URL'], ...all.map(connectionRow)])
        : 'No connections.',
    );
  });
  command(connections, 'add', 'Connect a GitLab or Jira instance; its token is stored encrypted')
    .requiredOption('--kind <kind>', 'gitlab or jira')
    .requiredOption('--name <name>', 'what to call it, e.g. gitlab-main')
    .requiredOption('--base-url <url>', 'e.g. https://gitlab.example.com or https://acme.atlassian.net')
    .option('--token-env <VAR>', 'read the access token from this environment variable')
    .option('--token-stdin', 'read the access token from stdin')
    .option('--email <email>', 'Jira basic auth: the account’s email')
    .option('--auth <kind>', 'Jira: basic (default) or bearer')
    .option('--jira-api <api>', 'Jira: cloud (default) or server')
    .option('--interval <minutes>', 'sync every this many minutes (default 60)')
    .action(async (options: Options) => {
      const body = {
        kind: String(options.kind),
        name: String(options.name),
        baseUrl: String(options.baseUrl),
        secret: await readSecret(options),
        ...(options.email === undefined ? {} : { email: String(options.email) }),
        ...(options.auth === undefined ? {} : { authKind: String(options.auth) }),
        ...(options.jiraApi === undefined ? {} : { jiraApi: String(options.jiraApi) }),
        ...(options.interval === undefined ? {} : { syncIntervalMinutes: Number(options.interval) }),
      };
      const created = await clientOf(options).request<DeliveryConnection>('POST', connectionsPath, { body });
      printResult(
        options,
        created,
        () => `Added ${created.kind} connection ${created.name} (${created.id}).`,
      );
    });
  command(connections, 'test', 'Check a connection’s token against its instance; exit 1 when it fails')
    .argument('<connection>', 'its name or id')
    .action(async (reference: string, options: Options) => {
      const client = clientOf(options);
      const connection = await findConnection(client, reference);
      const test = await client.request<ConnectionTest>('POST', `${connectionsPath}/${connection.id}/test`, {
        body: {},
      });
      printResult(options, test, () =>
        test.ok
          ? `${connection.name}: ok, as ${test.user ?? 'an unnamed account'}${test.scopes ? ` (scopes: ${test.scopes.join(', ')})` : ''}`
          : `${connection.name}: failed — ${test.error ?? 'no reason given'}`,
      );
      if (!test.ok) process.exitCode = 1;
    });
  command(connections, 'remove', 'Delete a connection')
    .argument('<connection>', 'its name or id')
    .action(async (reference: string, options: Options) => {
      const client = clientOf(options);
      const connection = await findConnection(client, reference);
      await client.request('DELETE', `${connectionsPath}/${connection.id}`);
      printResult(
        options,
        { id: connection.id, removed: true },
        () => `Removed connection ${connection.name}.`,
      );
    });
}

function registerSourceCommands(delivery: Command): void {
  const sources = delivery
    .command('sources')
    .description('What a project reads: GitLab projects and Jira queries');
  command(sources, 'list', 'The project’s sources')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .action(async (options: Options) => {
      const client = clientOf(options);
      const base = await deliveryBase(client, String(options.project));
      const [all, connections] = await Promise.all([
        client.listAll<DeliverySource>(`${base}/delivery-sources`),
        client.listAll<DeliveryConnection>(connectionsPath),
      ]);
      const names = new Map(connections.map((each) => [each.id, each.name]));
      const rows = all.map((each) => [
        each.id,
        names.get(each.connectionId) ?? each.connectionId,
        each.enabled ? 'enabled' : 'disabled',
        each.lastSyncStatus ?? 'never synced',
        each.gitlabProject ?? `jql: ${each.jql ?? ''}`,
      ]);
      printResult(options, all, () =>
        rows.length ? table([['ID', 'CONNECTION', 'STATE', 'LAST SYNC', 'READS'], ...rows]) : 'No sources.',
      );
    });
  command(sources, 'add', 'Read a GitLab project or a Jira query into the project')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .requiredOption('--connection <name or id>', 'the connection to read through')
    .option('--gitlab-project <path>', 'a GitLab project’s full path (group/app) or numeric id')
    .option('--jql <query>', 'a Jira query, e.g. "project = PAY"')
    .action(async (options: Options) => {
      const client = clientOf(options);
      const base = await deliveryBase(client, String(options.project));
      const connection = await findConnection(client, String(options.connection));
      const body = {
        connectionId: connection.id,
        ...(options.gitlabProject === undefined ? {} : { gitlabProject: String(options.gitlabProject) }),
        ...(options.jql === undefined ? {} : { jql: String(options.jql) }),
      };
      const created = await client.request<DeliverySource>('POST', `${base}/delivery-sources`, { body });
      printResult(options, created, () => `Added source ${created.id} (${connection.name}).`);
    });
}

const settingOptions = [
  ['inProgress', 'inProgressStatuses'],
  ['done', 'doneStatuses'],
  ['incidentTypes', 'incidentIssueTypes'],
  ['production', 'productionEnvironments'],
] as const;

function settingsText(settings: DeliverySettings): string {
  const names = (list: string[]) => (list.length ? list.join(', ') : '—');
  return table([
    ['In progress statuses', names(settings.inProgressStatuses)],
    ['Done statuses', names(settings.doneStatuses)],
    ['Incident issue types', names(settings.incidentIssueTypes)],
    ['Production environments', names(settings.productionEnvironments)],
    ['Pickup target', settings.pickupTargetHours === null ? '—' : `${settings.pickupTargetHours} h`],
    [
      'History retention',
      settings.historyRetentionDays === null ? '—' : `${settings.historyRetentionDays} days`,
    ],
  ]);
}

function registerSettingsCommand(delivery: Command): void {
  command(delivery, 'settings', 'Show the project’s delivery settings, or change those given')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .option('--in-progress <statuses>', 'Jira statuses that mean started, comma-separated')
    .option('--done <statuses>', 'Jira statuses that mean done, comma-separated')
    .option('--incident-types <types>', 'Jira issue types that are production incidents, comma-separated')
    .option('--production <environments>', 'GitLab environments that are production, comma-separated')
    .action(async (options: Options) => {
      const client = clientOf(options);
      const path = `${await deliveryBase(client, String(options.project))}/delivery/settings`;
      const changes = Object.fromEntries(
        settingOptions.flatMap(([option, field]) =>
          options[option] === undefined ? [] : [[field, listOf(options[option])]],
        ),
      );
      const settings = await client.request<DeliverySettings>(
        Object.keys(changes).length ? 'PATCH' : 'GET',
        path,
        Object.keys(changes).length ? { body: changes } : {},
      );
      printResult(options, settings, () => settingsText(settings));
    });
}
