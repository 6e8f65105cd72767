// What the saga crash and scale-out suites share: a server process with the crash-test saga type
// (saga-crash-server.ts) and the HTTP server its steps report their side effects to.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';

const script = path.resolve(import.meta.dirname, 'saga-crash-server.ts');

export interface SagaServer {
  child: ChildProcess;
  url: string;
  /** The control endpoint: start, read and signal sagas. */
  control: string;
  output: string[];
  exited: Promise<number | null>;
}

/** Starts a server with the crash-test saga type over the caller's environment; resolves once it listens. */
export async function startSagaServer(settings: Record<string, string | undefined>): Promise<SagaServer> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...settings,
  };
  environment.SHIPSHAPE_TEST_DATABASE = undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (child.stderr) readline.createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  let url = '';
  const control = await new Promise<string>((resolve, reject) => {
    if (child.stdout)
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        output.push(line);
        const listening = /listening on (http:\/\/\S+)/.exec(line);
        if (listening?.[1]) url = listening[1];
        const controlled = /^control on (http:\/\/\S+)/.exec(line);
        if (controlled?.[1]) resolve(controlled[1]);
      });
    exited.then((code) => reject(new Error(`the saga server exited with ${code}:\n${output.join('\n')}`)));
  });
  return { child, url, control, output, exited };
}

/** Kills the server as a power loss would (kill -9) and waits until it is gone. */
export async function killHard(server: SagaServer): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

/** Calls the server's control endpoint. */
export async function controlCall<T = Record<string, unknown>>(
  server: SagaServer,
  route: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.control}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${route}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** What a step reported: before it acts, or its side effect. */
export interface StepReport {
  sagaId: string;
  step: string;
  phase: 'action' | 'compensation';
  moment: 'before' | 'effect';
  key: string;
  attempt: number;
  pid: number;
  /** When the report arrived (ms since the epoch). */
  at: number;
}

/** What a step does after a report: go on, fail, kill its process, or wait (held until the process dies). */
export type Answer = 'go' | 'fail' | 'kill' | 'hold';

export interface EffectsServer {
  url: string;
  reports: StepReport[];
  /** Decides each report's answer; `go` unless set. */
  rule: (report: StepReport) => Answer;
  /** Resolves at the first report `match` accepts, past or future. */
  next(match: (report: StepReport) => boolean): Promise<StepReport>;
  /** Side effects of a saga's step in a phase. */
  effects(sagaId: string, step: string, phase?: 'action' | 'compensation'): StepReport[];
  close(): Promise<void>;
}

export async function startEffectsServer(): Promise<EffectsServer> {
  const waiters: { match: (report: StepReport) => boolean; resolve: (report: StepReport) => void }[] = [];
  const held: http.ServerResponse[] = [];
  const effects: EffectsServer = {
    url: '',
    reports: [],
    rule: () => 'go',
    next(match) {
      const seen = effects.reports.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    effects: (sagaId, step, phase = 'action') =>
      effects.reports.filter(
        (report) =>
          report.sagaId === sagaId &&
          report.step === step &&
          report.phase === phase &&
          report.moment === 'effect',
      ),
    close: async () => {
      for (const response of held) response.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const report: StepReport = { ...JSON.parse(text), at: Date.now() };
    effects.reports.push(report);
    for (const waiter of [...waiters])
      if (waiter.match(report)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(report);
      }
    const answer = effects.rule(report);
    if (answer === 'hold') {
      held.push(response);
      return;
    }
    response.end(answer);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the effects server has no port');
  effects.url = `http://127.0.0.1:${address.port}/`;
  return effects;
}
