// Child process of task-claims.bench.ts: the real server, which on request (over IPC) seeds a
// project's open tasks straight into its own database handle (PGlite allows no second process) and
// reads back how the claims ended.
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';

export interface SeedTasks {
  kind: 'seed';
  projectId: string;
  tasks: number;
}
export interface CountClaims {
  kind: 'count';
  projectId: string;
}

const running = await startServer(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }), () => {});
const database = running.database;

async function seed(request: SeedTasks): Promise<{ seconds: number }> {
  const started = performance.now();
  await database.query(
    `insert into tasks (id, workspace_id, project_id, number, title, source, status)
     select gen_random_uuid(), p.workspace_id, p.id, g, 'Bench task ' || g, '{"kind":"manual"}'::jsonb, 'open'
     from projects p, generate_series(1, $2::int) g where p.id = $1`,
    [request.projectId, request.tasks],
  );
  return { seconds: (performance.now() - started) / 1000 };
}

async function count(request: CountClaims) {
  const [row] = await database.query<{ claimed: string; open: string; attempts: string; holders: string }>(
    `select count(*) filter (where status = 'claimed') as claimed, count(*) filter (where status = 'open') as open,
       coalesce(max(attempts), 0) as attempts, count(distinct assignee_id) as holders
     from tasks where project_id = $1`,
    [request.projectId],
  );
  return {
    claimed: Number(row?.claimed),
    open: Number(row?.open),
    maxAttempts: Number(row?.attempts),
    holders: Number(row?.holders),
  };
}

process.stdout.write(`listening on ${running.url}\n`);
process.on('message', (message: SeedTasks | CountClaims) => {
  const work = message.kind === 'seed' ? seed(message) : count(message);
  work.then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: String(error) }),
  );
});
const stop = async () => {
  await running.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
