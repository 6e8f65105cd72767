import { describe, expect, it } from 'vitest';
import { diffOpenApi, rules } from '../index.ts';
import { api } from '../rules/examples.ts';
import type { DiffResult, Finding, JsonObject } from '../types.ts';
import { clientAction, migrationGuide } from './index.ts';

const ruleSet = rules;

const ok = { '200': { description: 'OK' } };
const userSchema = (properties: JsonObject, required: string[] = []): JsonObject => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});
const userResponse = {
  '200': {
    description: 'The user',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } },
  },
};
const version = (number: string, paths: JsonObject, user: JsonObject): JsonObject => ({
  ...api(paths),
  info: { title: 'Users', version: number },
  components: { schemas: { User: user } },
});
const base = version(
  '1.0.0',
  {
    '/users/{id}': { get: { responses: userResponse } },
    '/users': {
      get: {
        parameters: [{ name: 'q', in: 'query', schema: { type: 'string', maxLength: 40 } }],
        responses: ok,
      },
    },
    '/invoices': { post: { responses: ok } },
  },
  userSchema(
    {
      id: { type: 'string' },
      status: { type: 'string', enum: ['active', 'blocked'] },
      email: { type: 'string', format: 'email', description: 'Where receipts go' },
    },
    ['email'],
  ),
);
const revision = version(
  '2.0.0',
  {
    '/users/{userId}': { get: { responses: userResponse } },
    '/users': {
      get: {
        parameters: [{ name: 'q', in: 'query', schema: { type: 'string', maxLength: 20 } }],
        responses: ok,
      },
    },
    '/teams': { get: { responses: ok } },
  },
  userSchema({ id: { type: 'string' }, status: { type: 'string', enum: ['active', 'blocked', 'invited'] } }),
);
const result = diffOpenApi(base, revision, { today: '2026-06-01' }, ruleSet);
const options = { apiName: 'Users API', fromVersion: '1.0.0', toVersion: '2.0.0', rules: ruleSet };
const guide = migrationGuide(result, { ...options, base, revision });

/**
 * The text of the section under a heading (the line itself, or the first heading line a pattern
 * matches), up to the next heading of the same or a higher level.
 */
function section(text: string, wanted: string | RegExp): string {
  const lines = text.split('\n');
  const heading = lines.find((line) =>
    typeof wanted === 'string' ? line === wanted : /^#+ /.test(line) && wanted.test(line),
  );
  if (heading === undefined) throw new Error(`no heading ${wanted} in:\n${text}`);
  const start = text.indexOf(`${heading}\n`);
  const level = /^#+/.exec(heading)?.[0] ?? '#';
  const rest = text.slice(start + heading.length + 1);
  const next = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
}

/** Headings of the two changes to `GET /users/{userId}`, whatever words the catalogue's messages use. */
const emailRemoved = /^#### Breaking: .*\bemail\b.*removed/;
const invitedAdded = /^#### May break: .*enum value.*\binvited\b.*added/;
const whyOf = (ruleId: string) => ruleSet.find((rule) => rule.id === ruleId)?.why;

describe('a migration guide from a real diff', () => {
  it('opens with the title, the counts by level and the operations added, removed and changed', () => {
    expect(guide.startsWith('# Migration guide: Users API 1.0.0 → 2.0.0\n')).toBe(true);
    expect(guide).toContain(`| Breaking (ERR) | ${result.summary.ERR} |`);
    expect(guide).toContain(`| May break (WARN) | ${result.summary.WARN} |`);
    expect(guide).toContain(`| Informational (INFO) | ${result.summary.INFO} |`);
    const { added, removed, changed } = result.operations;
    expect(guide).toContain(`${added} added, ${removed} removed, ${changed} changed`);
    expect(guide).toContain('This release breaks existing clients');
  });

  it('gives each operation with breaking or risky changes a section, those with breaking ones first', () => {
    const operations = [...guide.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
    expect(operations).toEqual(['`GET /users/{userId}`', '`GET /users`', '`POST /invoices`']);
  });

  it('lists an operation’s breaking changes before its risky ones', () => {
    const changes = [...section(guide, '### `GET /users/{userId}`').matchAll(/^#### .+$/gm)].map(
      (match) => match[0],
    );
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatch(emailRemoved);
    expect(changes[1]).toMatch(invitedAdded);
    const enumIndex = result.findings.findIndex(
      (finding) => finding.ruleId === 'response-property-enum-value-added',
    );
    const emailIndex = result.findings.findIndex(
      (finding) => finding.ruleId === 'response-required-property-removed',
    );
    expect(enumIndex).toBeLessThan(emailIndex);
  });

  it('says why a change breaks and what a client must do', () => {
    const email = section(guide, emailRemoved);
    expect(email).toContain(`**Why it breaks:** ${whyOf('response-required-property-removed')}`);
    expect(email).toContain('**What to do:** Stop reading the field `email` of the `200` response.');
    const status = section(guide, invitedAdded);
    expect(status).toContain(`**Why it may break:** ${whyOf('response-property-enum-value-added')}`);
    expect(status).toContain('Handle the new values of the field `status` of the `200` response');
  });

  it('shows the removed field in the contract before, followed through its $ref, and its absence after', () => {
    const email = section(guide, emailRemoved);
    expect(email).toContain('Before (1.0.0):');
    expect(email).toMatch(
      /```yaml\nemail:\n {2}type: string\n {2}format: email\n {2}description: Where receipts go\n```/,
    );
    expect(email).toContain('After (2.0.0): not in the contract.');
  });

  it('shows a changed limit as its two values and the parameter schema on each side', () => {
    const limit = section(guide, '### `GET /users`');
    expect(limit).toContain('Value: `40` → `20`');
    expect(limit).toMatch(
      /Before \(1\.0\.0\):\n\n```yaml\nschema:\n {2}type: string\n {2}maxLength: 40\n```/,
    );
    expect(limit).toMatch(/After \(2\.0\.0\):\n\n```yaml\nschema:\n {2}type: string\n {2}maxLength: 20\n```/);
  });

  it('lists informational changes briefly at the end, without a section of their own', () => {
    const other = section(guide, '## Other changes');
    expect(other).toContain('- `GET /teams`: operation added (`endpoint-added`)');
    expect(guide).not.toContain('### `GET /teams`');
    expect(guide.indexOf('## Other changes')).toBeGreaterThan(guide.indexOf('### `POST /invoices`'));
  });

  it('writes the same text for the same input, with no date unless one is given', () => {
    expect(migrationGuide(result, { ...options, base, revision })).toBe(guide);
    expect(guide).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(migrationGuide(result, { ...options, date: '2026-07-01' })).toContain('Released 2026-07-01.');
  });

  it('leaves the contract excerpts out when it is not given the documents', () => {
    const bare = migrationGuide(result, options);
    expect(bare).not.toContain('```yaml');
    expect(bare).toMatch(new RegExp(emailRemoved.source, 'm'));
  });
});

describe('the guide’s edges', () => {
  const empty: DiffResult = { ...result, findings: [], summary: { ERR: 0, WARN: 0, INFO: 0 } };

  it('says there is nothing to do when the versions make the same contract', () => {
    const text = migrationGuide(empty, options);
    expect(text).toContain('clients have nothing to do');
    expect(text).not.toContain('## Changes by operation');
  });

  it('puts changes to a path and to the whole document in sections of their own', () => {
    const documentWide: Finding = {
      ruleId: 'security-scheme-removed',
      level: 'ERR',
      section: 'security',
      message: 'security scheme bearer removed',
      operation: null,
      operationKey: null,
      field: null,
      pointer: '/components/securitySchemes/bearer',
      side: 'base',
    };
    const pathWide: Finding = {
      ...documentWide,
      section: 'paths',
      pointer: '/paths/~1users~1{id}',
      level: 'WARN',
    };
    const findings = [pathWide, documentWide];
    const text = migrationGuide({ ...empty, findings, summary: { ERR: 1, WARN: 1, INFO: 0 } }, options);
    const sections = [...text.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
    expect(sections).toEqual(['The whole API', 'Path `/users/{id}`']);
    expect(section(text, '### The whole API')).toContain('Send the credentials and scopes');
  });

  it('shows values that are lists or objects as YAML', () => {
    const finding: Finding = {
      ruleId: 'request-parameter-enum-value-removed',
      level: 'ERR',
      section: 'parameters',
      message: 'GET /a: query parameter state: enum value b removed',
      operation: 'GET /a',
      operationKey: 'GET /a',
      field: 'query.state',
      pointer: '/paths/~1a/get/parameters/0/schema/enum',
      side: 'revision',
      before: ['a', 'b'],
      after: ['a'],
    };
    const text = migrationGuide(
      { ...empty, findings: [finding], summary: { ERR: 1, WARN: 0, INFO: 0 } },
      options,
    );
    expect(text).toContain('Value before:\n\n```yaml\n- a\n- b\n```\n\nValue after:\n\n```yaml\n- a\n```');
    expect(text).toContain('Send only the values of the query parameter `state` the revised contract lists.');
  });

  it('keeps contract text from breaking the Markdown', () => {
    const finding: Finding = {
      ruleId: 'response-required-property-removed',
      level: 'ERR',
      section: 'response-schema',
      message: 'GET /a: response property <script>x</script> removed\nsecond line',
      operation: 'GET /a',
      operationKey: 'GET /a',
      field: 'response.200.body.a`b',
      pointer: '/paths/~1a/get',
      side: 'base',
    };
    const text = migrationGuide(
      { ...empty, findings: [finding], summary: { ERR: 1, WARN: 0, INFO: 0 } },
      options,
    );
    expect(text).toContain('#### Breaking: response property &lt;script>x&lt;/script> removed second line');
    expect(text).toContain('the field `` a`b `` of the `200` response');
  });

  it('cuts a long excerpt and says how much it left out', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`p${index}`, { type: 'string' }]),
    );
    const profile = { type: 'object', properties };
    const wide = version(
      '1.0.0',
      { '/a': { get: { responses: userResponse } } },
      userSchema({ profile }, ['profile']),
    );
    const narrow = version('2.0.0', { '/a': { get: { responses: userResponse } } }, userSchema({}));
    const long = migrationGuide(diffOpenApi(wide, narrow, { today: '2026-06-01' }, ruleSet), {
      ...options,
      base: wide,
      revision: narrow,
    });
    expect(long).toMatch(/^#### Breaking: .*\bprofile\b.*removed/m);
    const block = /```yaml\n([\s\S]*?)\n```/.exec(long)?.[1] ?? '';
    expect(block.split('\n')).toHaveLength(31);
    expect(block).toMatch(/# … \d+ more lines$/);
  });
});

describe('what a client must do', () => {
  const finding = (ruleId: string, section: Finding['section'], field: string | null): Finding => ({
    ruleId,
    level: 'ERR',
    section,
    message: 'change',
    operation: 'GET /a',
    operationKey: 'GET /a',
    field,
    pointer: '/paths/~1a/get',
    side: 'revision',
  });

  it('asks for a new required input to be sent', () => {
    expect(clientAction(finding('new-required-request-parameter', 'parameters', 'query.tenant'))).toBe(
      'Send the query parameter `tenant` on every call.',
    );
    expect(
      clientAction(finding('request-property-became-required', 'request-schema', 'request.body.items[].sku')),
    ).toBe('Send the request field `items[].sku` on every call.');
  });

  it('asks to stop reading a removed field and to handle new values', () => {
    expect(
      clientAction(
        finding('response-required-property-removed', 'response-schema', 'response.200.body.name'),
      ),
    ).toBe('Stop reading the field `name` of the `200` response.');
    expect(
      clientAction(
        finding('response-property-enum-value-added', 'response-schema', 'response.2XX.body.state'),
      ),
    ).toContain('Handle the new values of the field `state` of the `2XX` response');
  });

  it('asks to stop calling a removed operation, and nothing of an informational change', () => {
    expect(clientAction(finding('api-removed-without-deprecation', 'operations', null))).toContain(
      'Stop calling `GET /a`',
    );
    expect(clientAction({ ...finding('endpoint-added', 'operations', null), level: 'INFO' })).toContain(
      'Nothing',
    );
  });
});
