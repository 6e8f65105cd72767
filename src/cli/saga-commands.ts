import type { Command } from 'commander';
import {
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import { findProject } from './lookup.ts';
import { endStatuses, followSaga, type Saga, sagaLine, timelineText } from './saga-timeline.ts';

// `shipshape sagas …`: the workspace's sagas — list, show a timeline, and the acts of people on
// them (retry, cancel, resume, signal, approve); `shipshape release run` starts a project's release
// workflow and follows it step by step.

type Options = ConnectionOptions & Record<string, unknown>;

const clientOf = (options: Options) => createApiClient(resolveConnection(options));
const sagaPath = (id: string, rest = '') => `/api/v1/sagas/${encodeURIComponent(id)}${rest}`;

function parseJson(what: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} is not JSON: ${text}`);
  }
}

/** `--input version=2.4.0` (repeatable) → `{ version: '2.4.0' }`. */
function inputOf(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at < 1) throw new Error(`--input takes key=value, not ${value}`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

export function registerSagaCommands(program: Command): void {
  const sagas = program
    .command('sagas')
    .description('Long multi-step operations: follow them, retry, cancel, resume, signal and approve');
  const command = (name: string, description: string) =>
    withConnectionOptions(sagas.command(name).description(description));
  registerReadCommands(command);
  registerActCommands(command);
  registerReleaseCommands(program);
}

/** list, show. */
function registerReadCommands(command: (name: string, description: string) => Command): void {
  command('list', 'Sagas, newest first')
    .option('--type <type>', 'only this saga type (release, …)')
    .option(
      '--status <status>',
      'pending, running, waiting, compensating, completed, failed, … (comma-separated)',
    )
    .option('--project <key or id>', 'only sagas working on this project')
    .option('--limit <n>', 'how many (default 50, at most 200)', '50')
    .action(async (options: Options) => {
      const client = clientOf(options);
      const project = options.project ? await findProject(client, String(options.project)) : undefined;
      const page = await client.request<{ data: Saga[] }>('GET', '/api/v1/sagas', {
        query: {
          type: options.type === undefined ? undefined : String(options.type),
          status: options.status === undefined ? undefined : String(options.status),
          projectId: project?.id,
          limit: Number(options.limit),
        },
      });
      printResult(options, page.data, () =>
        page.data.length ? page.data.map(sagaLine).join('\n') : 'No sagas.',
      );
    });

  command('show', "A saga's timeline: each step run, its attempts, durations and compensations")
    .argument('<id>', 'the saga id')
    .option('--follow', 'first print each step as it starts and finishes, until the saga ends')
    .action(async (id: string, options: Options) => {
      const client = clientOf(options);
      if (options.follow) {
        const ended = await followSaga(client, id, options.json ? process.stderr : process.stdout);
        if (ended.status !== 'completed') process.exitCode = 1;
        if (!options.json) process.stdout.write('\n');
      }
      const saga = await client.request<Saga>('GET', sagaPath(id));
      printResult(options, saga, () => timelineText(saga));
    });
}

/** retry, cancel, resume, signal, approve. */
function registerActCommands(command: (name: string, description: string) => Command): void {
  const act = async (options: Options, id: string, rest: string, body?: unknown) => {
    const saga = await clientOf(options).request<Saga>('POST', sagaPath(id, rest), { body });
    printResult(options, saga, () => sagaLine(saga));
  };

  command('retry', 'Try the step a saga paused on again')
    .argument('<id>', 'the saga id')
    .action((id: string, options: Options) => act(options, id, '/retry'));

  command('cancel', 'Stop a saga: what its steps did is undone in reverse')
    .argument('<id>', 'the saga id')
    .option('--reason <text>', 'why, for the audit trail')
    .action((id: string, options: Options) =>
      act(options, id, '/cancel', options.reason ? { reason: options.reason } : {}),
    );

  command('resume', 'Go on undoing a saga whose compensation failed')
    .argument('<id>', 'the saga id')
    .option('--skip', 'the failed undo was done by hand: record it and go on with the steps before it')
    .option('--reason <text>', 'why, for the audit trail')
    .action((id: string, options: Options) =>
      act(options, id, '/resume', {
        ...(options.skip ? { skip: true } : {}),
        ...(options.reason ? { reason: options.reason } : {}),
      }),
    );

  command('signal', 'Send a saga a signal it waits (or will wait) for')
    .argument('<id>', 'the saga id')
    .argument('<name>', 'the signal')
    .option('--payload <json>', 'JSON the waiting step answers')
    .action((id: string, name: string, options: Options) =>
      act(
        options,
        id,
        `/signals/${encodeURIComponent(name)}`,
        options.payload === undefined ? {} : { payload: parseJson('--payload', String(options.payload)) },
      ),
    );

  command('approve', 'Approve (or refuse) the step a saga waits on')
    .argument('<id>', 'the saga id')
    .option('--refuse', 'refuse: the step fails and what the saga did is undone')
    .option('--comment <text>', 'why')
    .action((id: string, options: Options) =>
      act(options, id, '/approval', {
        approved: !options.refuse,
        ...(options.comment ? { comment: options.comment } : {}),
      }),
    );
}

/** release run. */
function registerReleaseCommands(program: Command): void {
  const release =
    program.commands.find((each) => each.name() === 'release') ??
    program.command('release').description("A project's release workflows");
  withConnectionOptions(
    release.command('run').description('Run a release workflow, and with --follow watch it step by step'),
  )
    .argument('<workflowKey>', 'the workflow, e.g. deploy-waves')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .option('--input <key=value>', 'an input of the run (repeatable)', inputOf)
    .option('--follow', 'print each step as it starts and finishes; exit 0 when completed, 1 otherwise')
    .option('--timeout <seconds>', 'with --follow: give up waiting after this long')
    .action(async (key: string, options: Options) => {
      const client = clientOf(options);
      const project = await findProject(client, String(options.project));
      const started = await client.request<Saga>(
        'POST',
        `/api/v1/projects/${project.id}/release-workflows/${encodeURIComponent(key)}/runs`,
        { body: options.input ? { inputs: options.input } : {} },
      );
      if (!options.follow) {
        printResult(options, started, () => `Started ${sagaLine(started)}`);
        return;
      }
      if (!options.json) process.stdout.write(`Started ${started.title} (saga ${started.id})\n`);
      const saga = await followSaga(client, started.id, options.json ? process.stderr : process.stdout, {
        timeoutSeconds: options.timeout === undefined ? undefined : Number(options.timeout),
      });
      if (options.json) process.stdout.write(`${JSON.stringify(saga, null, 2)}\n`);
      if (saga.status !== 'completed' && endStatuses.has(saga.status)) process.exitCode = 1;
    });
}
