import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PermissionClass } from '../../src/core/auth/permissions.ts';
import { publicApiOperations } from '../../src/core/auth/public-operations.ts';
import { type Role, roles } from '../../src/core/auth/schema.ts';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import {
  addressesResource,
  createBodies,
  resolvePath,
  type Seed,
  seedDeclaredResources,
  seedWorkspace,
} from './fixtures.ts';
import { sampleOf } from './sample-body.ts';

/**
 * The attacker's view of the whole API, read from the OpenAPI document so that a route added later
 * is covered without touching this file: (a) no credential → 401, (b) workspace A's owner
 * addressing workspace B's resources by their real ids → 404, (c) each role (and a read-only
 * token) → 403 on every action its role lacks.
 */

// The matrix as the issue states it, written out independently of the code that enforces it.
const expectedGrants: Record<Role, PermissionClass[]> = {
  owner: ['self', 'read', 'write', 'contribute', 'review', 'administer'],
  admin: ['self', 'read', 'write', 'contribute', 'review', 'administer'],
  editor: ['self', 'read', 'write', 'contribute'],
  reviewer: ['self', 'read', 'review'],
  viewer: ['self', 'read'],
  agent: ['self', 'read', 'contribute'],
};

/**
 * Routes a role's classes allow but a rule of state narrows further: only the listed roles of the
 * instance's first workspace get through; every other role holding the class gets 403 with this code.
 */
const narrowedByState: Record<string, { permission: string; code: string; onlyFor: Role[] }> = {
  // A backup holds every workspace: only an owner of the first workspace may take one.
  'GET /api/v1/admin/backup': {
    permission: 'admin.backup',
    code: 'backup.instance_owner_only',
    onlyFor: ['owner'],
  },
};

interface Operation {
  method: string;
  path: string;
  permission?: string;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON Schema from the document
  bodySchema?: any;
  /** Required query parameters and their schemas. */
  // biome-ignore lint/suspicious/noExplicitAny: JSON Schemas from the document
  query: { name: string; schema: any }[];
}

let t: TestApp;
let ownerA: Caller;
let ownerB: Caller;
let seedA: Seed;
let seedB: Seed;
let operations: Operation[];
// biome-ignore lint/suspicious/noExplicitAny: the document's component schemas
let components: Record<string, any>;
const callers = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp({
    auth: { rateLimits: { signInPerMinute: 0, invitationsPerMinute: 0, perCredentialPerMinute: 0 } },
  });
  ownerA = t.owner;
  ownerB = await t.newWorkspace();
  const document = (await t.anonymous.get('/openapi.json')).body;
  seedA = await seedWorkspace(ownerA);
  seedB = await seedWorkspace(ownerB);
  await seedDeclaredResources(ownerA, seedA, document);
  await seedDeclaredResources(ownerB, seedB, document);
  for (const role of roles)
    callers.set(role, role === 'owner' ? ownerA.token : (await t.newMember(ownerA, role)).token);
  const readOnly = await ownerA.post('/api/v1/tokens', { name: 'read only', readOnly: true });
  callers.set('read-only token', readOnly.body.secret);

  components = document.components?.schemas ?? {};
  operations = [];
  for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(document.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, operation] of Object.entries(item)) {
      const content = (operation.requestBody as { content?: Record<string, { schema: unknown }> })?.content;
      const parameters = (operation.parameters ?? []) as {
        in: string;
        name: string;
        required?: boolean;
        schema: unknown;
      }[];
      operations.push({
        query: parameters
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => ({ name: p.name, schema: p.schema })),
        method: method.toUpperCase(),
        path,
        permission: operation['x-permission'] as string | undefined,
        bodySchema: content?.['application/json']?.schema,
      });
    }
  }
}, 120_000);
afterAll(() => t.close());

const nameOf = (op: Operation) => `${op.method} ${op.path}`;
const isPublic = (op: Operation) => publicApiOperations.includes(nameOf(op));

/** The smallest valid body, with the fields a schema cannot tell (a known check id) filled in. */
function bodyFor(op: Operation): object {
  const sample = sampleOf(op.bodySchema, components);
  const collection =
    op.path
      .split('/')
      .filter((segment) => !segment.startsWith('{'))
      .pop() ?? '';
  const known = op.method === 'POST' ? createBodies[collection] : undefined;
  return typeof sample === 'object' && sample ? { ...sample, ...known } : (sample as object);
}

async function send(op: Operation, url: string, token: string | null) {
  const query = Object.fromEntries(op.query.map((q) => [q.name, String(sampleOf(q.schema, components))]));
  const response = await t.app.inject({
    method: op.method as 'GET',
    url,
    query,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(op.bodySchema ? { payload: bodyFor(op) } : {}),
  });
  let body: { code?: string } | null = null;
  try {
    body = response.json();
  } catch {
    // Not a JSON document (a stream, CSV, HTML): no problem code to read.
  }
  return { status: response.statusCode, code: body?.code as string | undefined, text: response.body };
}

describe('every API route, as an attacker sees it', () => {
  it('finds the routes, and each one is public or declares the permission it needs', () => {
    expect(operations.length).toBeGreaterThan(50);
    const undeclared = operations.filter((op) => !isPublic(op) && !op.permission).map(nameOf);
    expect(undeclared, 'add config: { permission } to these routes').toEqual([]);
    const unknown = operations.filter((op) => op.permission && !t.registry.permissions.has(op.permission));
    expect(unknown.map(nameOf)).toEqual([]);
    for (const [name, narrowed] of Object.entries(narrowedByState)) {
      expect(operations.find((op) => nameOf(op) === name)?.permission, name).toBe(narrowed.permission);
    }
    const unresolvable = operations.flatMap((op) =>
      resolvePath(op.path, seedB).unresolved.map((p) => `${nameOf(op)}: ${p}`),
    );
    expect(unresolvable, 'add these path parameters to parameterFixtures in fixtures.ts').toEqual([]);
  });

  it('(a) answers 401 to every non-public route without credentials or with a forged token', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((candidate) => !isPublic(candidate))) {
      const { url } = resolvePath(op.path, seedA);
      for (const token of [null, 'shp_forgedforgedforgedforgedforgedforged']) {
        const answer = await send(op, url, token);
        if (answer.status !== 401)
          failures.push(`${nameOf(op)} (${token ? 'forged' : 'none'}) → ${answer.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("(b) answers 404 when workspace A's owner addresses workspace B's resources by their real ids", async () => {
    const failures: string[] = [];
    for (const op of operations.filter(
      (candidate) => !isPublic(candidate) && addressesResource(candidate.path),
    )) {
      const { url } = resolvePath(op.path, seedB);
      const answer = await send(op, url, ownerA.token);
      // A body refused for its media type (415) is refused before any row is looked up: it tells
      // the caller nothing about B's resources, whether they exist or not.
      if (answer.status === 415) continue;
      if (answer.status !== 404) failures.push(`${nameOf(op)} → ${answer.status} ${answer.code ?? ''}`);
    }
    expect(failures).toEqual([]);
    // And B's resources are all still there, untouched.
    expect((await ownerB.get(`/api/v1/projects/${seedB.projectId}`)).body.version).toBe(1);
    expect((await ownerB.get(`/api/v1/decision-logs/${seedB.decisionId}`)).status).toBe(200);
    expect((await ownerB.get('/api/v1/tokens')).body.data[1].revokedAt).toBeNull();
  });

  it("(b) never shows workspace B's ids in any of workspace A's lists", async () => {
    const bIds = [...Object.values(seedB), ...Object.values(seedB.created)].filter(
      (value): value is string => typeof value === 'string' && value.length === 36,
    );
    const leaks: string[] = [];
    for (const op of operations.filter((o) => o.method === 'GET' && !isPublic(o))) {
      const { url } = resolvePath(op.path, seedA);
      const answer = await send(op, url, ownerA.token);
      for (const id of bIds) if (answer.text.includes(id)) leaks.push(`${nameOf(op)} shows ${id}`);
    }
    expect(leaks).toEqual([]);
  });

  it('(c) answers 403 to each role on each action its role lacks, and never denies one it holds', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations.filter((candidate) => candidate.permission)) {
      const classes = t.registry.permissions.get(op.permission ?? '')?.classes ?? [];
      const { url } = resolvePath(op.path, seedA);
      for (const [who, token] of callers) {
        const grants =
          who === 'read-only token' ? (['read'] as PermissionClass[]) : expectedGrants[who as Role];
        const allowed =
          who === 'read-only token'
            ? classes.every((c) => c === 'read')
            : classes.some((permissionClass) => grants.includes(permissionClass));
        const answer = await send(op, url, token);
        checked += 1;
        const denied =
          answer.status === 403 && ['permission_denied', 'token.read_only'].includes(answer.code ?? '');
        if (!allowed && !denied)
          failures.push(`${who} ${nameOf(op)} → ${answer.status} ${answer.code ?? ''}`);
        const narrowed = narrowedByState[nameOf(op)];
        if (allowed && narrowed && !narrowed.onlyFor.includes(who as Role)) {
          if (answer.status !== 403 || answer.code !== narrowed.code)
            failures.push(
              `${who} ${nameOf(op)} → ${answer.status} ${answer.code ?? ''} (should be ${narrowed.code})`,
            );
          continue;
        }
        if (allowed && (denied || answer.status >= 500)) {
          failures.push(`${who} ${nameOf(op)} → ${answer.status} ${answer.code ?? ''} (should be allowed)`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The size of the matrix, for the record: routes with a permission × (six roles + a read-only token).
    console.info(
      `route × role matrix: ${checked / callers.size} routes × ${callers.size} callers = ${checked} checks`,
    );
    // Several thousand requests, each one run through to its answer: on a busy machine this takes
    // longer than the default per-test limit, which is about speed, not about isolation.
  }, 300_000);
});
