// Child process of api.bench.ts: the real Shipshape server and, on the same database handle, a bare
// Fastify app whose routes run one hand-written SQL statement each (the practical limit of the
// stack). Prints one JSON line with both addresses, then serves until it is killed.
import fs from 'node:fs';
import inspector from 'node:inspector';
import Fastify from 'fastify';
import { uuidv7 } from 'uuidv7';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';

const projectColumns =
  'id, workspace_id as "workspaceId", name, key, description, status, tags, created_at as "createdAt", updated_at as "updatedAt", version';

const running = await startServer(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }), () => {});
const { database } = running;
const [workspace] = await database.query<{ id: string }>(
  'select id from workspaces order by created_at limit 1',
);
if (!workspace) throw new Error('the bench server has no workspace');
const workspaceId = workspace.id;

const bare = Fastify({ logger: false });
bare.get('/projects', async () => ({
  data: await database.query(
    `select ${projectColumns} from projects where workspace_id = $1 order by created_at desc, id desc limit 50`,
    [workspaceId],
  ),
}));
bare.get<{ Params: { id: string } }>('/projects/:id', async (request, reply) => {
  const [row] = await database.query(
    `select ${projectColumns} from projects where workspace_id = $1 and id = $2`,
    [workspaceId, request.params.id],
  );
  return row ?? reply.code(404).send({ status: 404 });
});
bare.post<{ Body: { name: string; key: string } }>('/projects', async (request, reply) => {
  const [row] = await database.query(
    `insert into projects (id, workspace_id, name, key) values ($1, $2, $3, $4) returning ${projectColumns}`,
    [uuidv7(), workspaceId, request.body.name, request.body.key],
  );
  return reply.code(201).send(row);
});
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

// With BENCH_PROFILE_FILE set, SIGUSR2 starts a CPU profile (after the caller has seeded data, so
// that start-up and migrations stay out of it) and stopping writes it there.
const profileFile = process.env.BENCH_PROFILE_FILE;
const profiler = profileFile ? new inspector.Session() : null;
if (profiler) {
  profiler.connect();
  process.on('SIGUSR2', () => {
    profiler.post('Profiler.enable', () =>
      profiler.post('Profiler.start', () => process.stdout.write('profiling\n')),
    );
  });
}
const writeProfile = () =>
  new Promise<void>((resolve) => {
    if (!profiler || !profileFile) return resolve();
    profiler.post('Profiler.stop', (error, result) => {
      if (!error) fs.writeFileSync(profileFile, JSON.stringify(result.profile));
      resolve();
    });
  });

process.stdout.write(`${JSON.stringify({ shipshapeUrl: running.url, bareUrl })}\n`);
const stop = async () => {
  await writeProfile();
  await bare.close();
  await running.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
