// A Shipshape server as `shipshape serve` builds it, plus the saga crash-test module
// (saga-crash-module.ts) and a small control endpoint the tests drive sagas through: start one,
// read one with its step attempts, signal one. It prints "listening on <url>" and
// "control on <url>", and is meant to be killed (kill -9) and started again on the same database.
import http from 'node:http';
import { asc, eq } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import type { AppServices } from '../core/http/route.ts';
import { systemScope } from '../core/resource/scope.ts';
import { signalSaga } from '../core/sagas/actions.ts';
import { systemActorId } from '../core/sagas/audit.ts';
import { sagaSteps, workflowSagas } from '../core/sagas/tables.ts';
import { startServer } from '../server.ts';
import { sagaCrashModule } from './saga-crash-module.ts';

const server = await startServer(loadConfig(), (line) => process.stdout.write(`${line}\n`), [
  sagaCrashModule,
]);
const services = server.services;
const [workspace] = await services.systemDatabase.query<{ id: string }>(
  'select id from workspaces order by created_at limit 1',
);
const [owner] = await services.systemDatabase.query<{ id: string }>(
  'select id from users order by created_at limit 1',
);
if (!workspace || !owner) throw new Error('no workspace was bootstrapped');
const ownerId = owner.id;
/** Sagas start as the system (as a job starts them); signals come from the workspace's owner. */
const scope = (userId = systemActorId) => systemScope(services, workspace.id, userId);

async function body(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : {};
}

async function readSaga(app: AppServices, id: string) {
  return app.tenancy.bind(workspace?.id ?? '').read(async (db) => {
    const [saga] = await db.select().from(workflowSagas).where(eq(workflowSagas.id, id));
    const steps = await db
      .select()
      .from(sagaSteps)
      .where(eq(sagaSteps.sagaId, id))
      .orderBy(asc(sagaSteps.startedAt), asc(sagaSteps.attempt));
    return { saga, steps };
  });
}

async function control(request: http.IncomingMessage): Promise<unknown> {
  const [, what, id, name] = (request.url ?? '').split('/');
  if (what === 'start') {
    const { type, context, key } = await body(request);
    const started = await services.sagas.start(scope(), String(type), context, {
      idempotencyKey: typeof key === 'string' ? key : undefined,
    });
    return { id: started.saga.id, created: started.created };
  }
  if (what === 'saga' && id) return readSaga(services, id);
  if (what === 'signal' && id && name) {
    await signalSaga(scope(ownerId), services.sagas, id, name, await body(request));
    return { signalled: name };
  }
  if (what === 'statuses')
    return services.systemDatabase.query<{ id: string; status: string }>(
      'select id, status from workflow_sagas order by created_at',
    );
  throw new Error(`unknown control request ${request.url}`);
}

const controlServer = http.createServer((request, response) => {
  control(request).then(
    (answer) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    },
    (error: Error) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(error.message);
    },
  );
});
controlServer.listen(0, '127.0.0.1', () => {
  const address = controlServer.address();
  if (address && typeof address === 'object')
    process.stdout.write(`control on http://127.0.0.1:${address.port}\n`);
});
