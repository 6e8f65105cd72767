import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type App, type AppDependencies, buildApp } from '../app.ts';
import { memberships, type Role, users, workspaces } from '../core/auth/schema.ts';
import type { AuthSettings } from '../core/auth/settings.ts';
import { generateTokenSecret, insertToken } from '../core/auth/tokens.ts';
import { createMetrics } from '../core/observability/metrics.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { shipshapeModules } from '../modules/index.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

/** A parsed response body. Tests assert on its shape, so it is loosely typed on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert response shapes themselves; typing each body would restate the schemas
export type JsonBody = any;

export interface Answer<Body = JsonBody> {
  status: number;
  body: Body;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/** Someone calling the API with a token: a member of one workspace with one role. */
export interface Caller {
  token: string;
  userId: string;
  workspaceId: string;
  role: Role;
  get<Body = JsonBody>(path: string, options?: RequestOptions): Promise<Answer<Body>>;
  post<Body = JsonBody>(path: string, body?: unknown, options?: RequestOptions): Promise<Answer<Body>>;
  patch<Body = JsonBody>(path: string, body?: unknown, options?: RequestOptions): Promise<Answer<Body>>;
  put<Body = JsonBody>(path: string, body?: unknown, options?: RequestOptions): Promise<Answer<Body>>;
  delete<Body = JsonBody>(path: string, options?: RequestOptions): Promise<Answer<Body>>;
}

export interface TestApp {
  app: FastifyInstance;
  /** The app's services and what its modules declare (resources, routes, permissions, jobs). */
  services: App['services'];
  registry: App['registry'];
  database: DatabaseHandle;
  testDatabase: TestDatabase;
  /** The owner of the first workspace. */
  owner: Caller;
  /** A new workspace with an owner of its own. */
  newWorkspace(): Promise<Caller>;
  /** A new member of the caller's workspace with the given role. */
  newMember(workspaceOf: Caller, role: Role): Promise<Caller>;
  /** An unauthenticated request (or one with any headers you give). */
  anonymous: Omit<Caller, 'token' | 'userId' | 'workspaceId' | 'role'>;
  close(): Promise<void>;
}

/** Builds the real app on a fresh database of the suite's kind, with one workspace and its owner. */
export async function createTestApp(
  options: {
    auth?: Partial<AuthSettings>;
    modules?: AppDependencies['modules'];
    beforeBuild?: (database: DatabaseHandle) => Promise<void>;
    tracing?: AppDependencies['tracing'];
    /** Settings that differ from the tests' defaults (a small upload limit, say). */
    config?: Partial<AppDependencies['config']>;
  } = {},
): Promise<TestApp> {
  const metrics = createMetrics();
  const testDatabase = await createTestDatabase(metrics.observeQuery);
  const database = testDatabase.handle;
  await options.beforeBuild?.(database);
  const built = await buildApp({
    config: { bodyLimitBytes: 1024 * 1024, logLevel: 'silent', ...options.config },
    database,
    metrics,
    auth: options.auth,
    logger: false,
    tracing: options.tracing,
    modules: options.modules ? [...shipshapeModules, ...options.modules] : undefined,
  });
  const app = built.http;
  await app.ready();

  const send = async (
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    options: RequestOptions = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await app.inject({
      method: method as 'GET',
      url: path,
      query: options.query,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const type = String(response.headers['content-type'] ?? '');
    const parsed = type.includes('json') && response.body ? JSON.parse(response.body) : response.body;
    return { status: response.statusCode, body: parsed, headers: response.headers } as Answer;
  };
  const callerFor = (token: string | null) => ({
    get: (path: string, options?: RequestOptions) => send('GET', path, token, undefined, options),
    post: (path: string, body?: unknown, options?: RequestOptions) =>
      send('POST', path, token, body ?? {}, options),
    patch: (path: string, body?: unknown, options?: RequestOptions) =>
      send('PATCH', path, token, body ?? {}, options),
    put: (path: string, body?: unknown, options?: RequestOptions) =>
      send('PUT', path, token, body ?? {}, options),
    delete: (path: string, options?: RequestOptions) => send('DELETE', path, token, undefined, options),
  });

  const addMember = async (workspaceId: string, role: Role): Promise<Caller> => {
    const db = database.db;
    const [user] = await db
      .insert(users)
      .values({
        email: `${role}-${randomUUID()}@example.test`,
        displayName: `Test ${role}`,
        kind: role === 'agent' ? 'agent' : 'person',
      })
      .returning();
    if (!user) throw new Error('user insert returned nothing');
    await db.insert(memberships).values({ workspaceId, userId: user.id, role });
    const token = generateTokenSecret();
    await insertToken(db, { workspaceId, userId: user.id, name: `test ${role}`, secret: token });
    return { token, userId: user.id, workspaceId, role, ...callerFor(token) } as Caller;
  };
  const newWorkspace = async () => {
    const [workspace] = await database.db
      .insert(workspaces)
      .values({ name: `Workspace ${randomUUID()}` })
      .returning();
    if (!workspace) throw new Error('workspace insert returned nothing');
    return addMember(workspace.id, 'owner');
  };

  const owner = await newWorkspace();
  return {
    app,
    services: built.services,
    registry: built.registry,
    database,
    testDatabase,
    owner,
    newWorkspace,
    newMember: (workspaceOf, role) => addMember(workspaceOf.workspaceId, role),
    anonymous: callerFor(null) as TestApp['anonymous'],
    close: async () => {
      await app.close();
      await testDatabase.drop();
    },
  };
}
