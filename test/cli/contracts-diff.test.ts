// `shipshape contracts diff` as CI runs it: no server, contracts from files, bundles, folders and git
// refs, a report in the format asked for, and an exit code that fails the pipeline on breaking changes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/engines/openapi-diff/index.ts';
import { parseXml } from '../../src/test-support/xml.ts';
import { type CliResult, runShipshape } from './cli-support.ts';

let scratch: string;

/** `shipshape contracts …args` with no server configured, from `cwd`. */
function contracts(args: string[], cwd = scratch): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of ['SHIPSHAPE_URL', 'SHIPSHAPE_TOKEN', 'DATABASE_URL']) delete env[name];
  return runShipshape(env, ['contracts', ...args], cwd);
}

/** Files under a folder of the scratch area; answers the folder. */
function folder(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** A small Pets API: POST /pets takes a NewPet (at `schema`), GET /pets/{id}, and DELETE /pets/{id} unless `withDelete` is false. */
function petsApi(options: {
  version: string;
  nameMaxLength: number;
  withDelete?: boolean;
  schema?: string;
}): string {
  const schema = options.schema ?? "$ref: '#/components/schemas/NewPet'";
  const remove = `    delete:
      responses:
        '204':
          description: gone
`;
  return `openapi: 3.0.3
info:
  title: Pets
  version: ${options.version}
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema:
              ${schema}
      responses:
        '201':
          description: created
  /pets/{id}:
    get:
      responses:
        '200':
          description: the pet
${options.withDelete === false ? '' : remove}components:
  schemas:
    NewPet:
      type: object
      properties:
        name:
          type: string
          maxLength: ${options.nameMaxLength}
`;
}

const base = petsApi({ version: '1.0.0', nameMaxLength: 40 });
/** Shortens the name clients may send (ERR) and removes DELETE /pets/{id} without deprecating it (ERR). */
const breaking = petsApi({ version: '2.0.0', nameMaxLength: 20, withDelete: false });
/** Only lengthens the name: no finding at all, or only INFO. */
const safe = petsApi({ version: '1.1.0', nameMaxLength: 80 });

/** The NewPet schema in its own file, as multi-file specs keep them. */
const splitSchema = (maxLength: number) => `type: object
properties:
  name:
    type: string
    maxLength: ${maxLength}
`;
const splitEntry = petsApi({ version: '1.0.0', nameMaxLength: 40, schema: "$ref: './schemas/new-pet.yaml'" });

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-contracts-'));
  folder('.', {
    'base.yaml': base,
    'breaking.yaml': breaking,
    'safe.yaml': safe,
    'base.json': JSON.stringify({ openapi: '3.0.3', info: { title: 'Pets', version: '1.0.0' }, paths: {} }),
    'broken.yaml': 'openapi: 3.0.3\ninfo:\n  title: Pets\n  version: [1.0\npaths: {}\n',
  });
  folder('bundle-base', {
    'openapi.yaml': splitEntry,
    'schemas/new-pet.yaml': splitSchema(40),
    'README.md': '#',
  });
  folder('bundle-revision', { 'openapi.yaml': splitEntry, 'schemas/new-pet.yaml': splitSchema(20) });
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

// Each test starts several processes of the real CLI: more time than one command needs on a busy machine.
describe('shipshape contracts diff', { timeout: 60_000 }, () => {
  it('exits 0 when nothing breaks and 1 on breaking changes, naming the operation and the rule', async () => {
    const same = await contracts(['diff', 'base.yaml', 'safe.yaml']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('Pets 1.0.0 → 1.1.0');
    expect(same.stdout).toMatch(/0 ERR, 0 WARN, \d+ INFO/);

    const found = await contracts(['diff', 'base.yaml', 'breaking.yaml']);
    expect(found.code, found.stderr).toBe(1);
    expect(found.stdout).toMatch(/\nDELETE \/pets\/\{id\}\n {2}ERR {3}api-removed-without-deprecation/);
    expect(found.stdout).toMatch(/\nPOST \/pets\n {2}ERR .*maxLength decreased from 40 to 20/);
    expect(found.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^2 ERR, 0 WARN, \d+ INFO across 2 operations$/,
    );
    expect(found.stdout).not.toContain('\u001b[');
    expect(found.stderr).toBe('');
  });

  it('fails on lower levels with --fail-on, and switches rules off with --disable', async () => {
    const strict = await contracts(['diff', 'base.yaml', 'safe.yaml', '--fail-on', 'INFO', '--json']);
    expect(strict.code).toBe(strict.json.summary.INFO > 0 ? 1 : 0);
    const lenient = await contracts([
      'diff',
      'base.yaml',
      'breaking.yaml',
      '--disable',
      'api-removed-without-deprecation,request-property-max-length-decreased',
      '--json',
    ]);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.json.findings.map((finding: { ruleId: string }) => finding.ruleId)).not.toContain(
      'api-removed-without-deprecation',
    );
  });

  it('answers bad options and unreadable contracts with a one-line reason and exit 2', async () => {
    const wrong = [
      ['--format', 'html'],
      ['--fail-on', 'notice'],
      ['--disable', 'no-such-rule'],
      ['--min-deprecation-days', 'ninety'],
      ['--today', '2025-02-30'],
      ['--color', 'sometimes'],
    ];
    const answers = await Promise.all(
      wrong.map((args) => contracts(['diff', 'base.yaml', 'breaking.yaml', ...args])),
    );
    for (const [index, answer] of answers.entries()) {
      const args = wrong[index]?.join(' ');
      expect(answer.code, args).toBe(2);
      expect(answer.stderr.trim().split('\n'), args).toHaveLength(1);
      expect(answer.stderr, args).toContain(wrong[index]?.[0]);
      expect(answer.stdout).toBe('');
    }
    const missing = await contracts(['diff', 'base.yaml', 'no-such.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('shipshape: no such file or folder: no-such.yaml\n');
    const remote = await contracts(['diff', 'base.yaml', 'https://example.com/openapi.yaml']);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toContain('never fetched');
  });

  it('refuses a contract that does not load with the loader’s reason and the line', async () => {
    const answer = await contracts(['diff', 'base.yaml', 'broken.yaml']);
    expect(answer.code).toBe(2);
    expect(answer.stdout).toBe('');
    expect(answer.stderr).toMatch(/^shipshape: the revision does not load: broken\.yaml:\d+:\d+: \S/);
    expect(answer.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes each format in a shape its reader accepts', async () => {
    const json = await contracts(['diff', 'base.yaml', 'breaking.yaml', '--json']);
    expect(json.code).toBe(1);
    expect(json.json).toMatchObject({ kind: 'openapi', summary: { ERR: 2 }, revision: { version: '2.0.0' } });

    const markdown = await contracts(['diff', 'base.yaml', 'breaking.yaml', '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/^## API contract check\n\n:x: \*\*Fails\*\*/);
    expect(markdown.stdout).toContain(
      '[`api-removed-without-deprecation`](docs/contract-checks.md#api-removed-without-deprecation)',
    );

    const linked = await contracts([
      'diff',
      'base.yaml',
      'breaking.yaml',
      '--format',
      'markdown',
      '--rules-url',
      'https://docs.example.com/contract-checks',
    ]);
    expect(linked.stdout).toContain(
      '(https://docs.example.com/contract-checks#api-removed-without-deprecation)',
    );

    const junit = parseXml(
      (await contracts(['diff', 'base.yaml', 'breaking.yaml', '--format', 'junit'])).stdout,
    );
    expect(junit.attributes).toMatchObject({ failures: '2' });
    expect(junit.children[0]?.children[0]?.attributes.file).toBe('breaking.yaml');

    const sarif = await contracts(['diff', 'base.yaml', 'breaking.yaml', '--format', 'sarif']);
    expect(sarif.json.version).toBe('2.1.0');
    expect(sarif.json.runs[0].tool.driver.rules).toHaveLength(rules.length);
    const shortened = sarif.json.runs[0].results.find(
      (result: { ruleId: string }) => result.ruleId === 'request-property-max-length-decreased',
    );
    const { artifactLocation, region } = shortened.locations[0].physicalLocation;
    expect(artifactLocation.uri).toBe('breaking.yaml');
    expect(breaking.split('\n')[region.startLine - 1]?.trim()).toBe('maxLength: 20');
  });

  it('writes the report to --output and the summary line to stdout', async () => {
    const answer = await contracts([
      'diff',
      'base.yaml',
      'breaking.yaml',
      '--format',
      'sarif',
      '--output',
      'out.sarif',
    ]);
    expect(answer.code).toBe(1);
    expect(answer.stdout).toMatch(/^out\.sarif: 2 ERR, 0 WARN, \d+ INFO across 2 operations\n$/);
    expect(
      JSON.parse(fs.readFileSync(path.join(scratch, 'out.sarif'), 'utf8')).runs[0].results.length,
    ).toBeGreaterThan(1);
  });

  it('colours the text report only when asked, or on a terminal', async () => {
    const always = await contracts(['diff', 'base.yaml', 'breaking.yaml', '--color', 'always']);
    expect(always.stdout).toContain('\u001b[31mERR \u001b[0m');
    const auto = await contracts(['diff', 'base.yaml', 'breaking.yaml']);
    expect(auto.stdout).not.toContain('\u001b[');
  });

  it('reads a folder whose openapi.yaml refers to other files of it', async () => {
    const answer = await contracts(['diff', 'bundle-base', 'bundle-revision', '--json']);
    expect(answer.code, answer.stderr).toBe(1);
    expect(answer.json.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'request-property-max-length-decreased', operation: 'POST /pets' }),
    );
    const file = await contracts([
      'diff',
      'bundle-base/openapi.yaml',
      'bundle-revision/openapi.yaml',
      '--json',
    ]);
    expect(file.json.summary).toEqual(answer.json.summary);
    const empty = folder('empty', { 'notes.txt': 'nothing here' });
    const none = await contracts(['diff', 'bundle-base', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('holds no openapi.yaml');
  });

  it('reads .zip and .tar.gz bundles', async () => {
    const zipped = zipSync({
      'openapi.yaml': Buffer.from(splitEntry),
      'schemas/new-pet.yaml': Buffer.from(splitSchema(20)),
    });
    fs.writeFileSync(path.join(scratch, 'revision.zip'), zipped);
    execFileSync('tar', ['-czf', 'base.tar.gz', '-C', 'bundle-base', 'openapi.yaml', 'schemas'], {
      cwd: scratch,
    });
    const answer = await contracts(['diff', 'base.tar.gz', 'revision.zip', '--json']);
    expect(answer.code, answer.stderr).toBe(1);
    expect(answer.json.findings.map((finding: { ruleId: string }) => finding.ruleId)).toEqual([
      'request-property-max-length-decreased',
    ]);
  });

  it('reads the base from a git ref, so CI needs no checkout of it', async () => {
    const repository = folder('repository', { 'api/openapi.yaml': base });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', ...args], {
        cwd: repository,
        stdio: 'pipe',
      });
    git('init', '--quiet');
    git('add', '.');
    git('commit', '--quiet', '-m', 'first version');
    fs.writeFileSync(path.join(repository, 'api/openapi.yaml'), breaking);

    const answer = await contracts(
      ['diff', 'HEAD:api/openapi.yaml', 'api/openapi.yaml', '--json'],
      repository,
    );
    expect(answer.code, answer.stderr).toBe(1);
    expect(answer.json).toMatchObject({
      base: { version: '1.0.0' },
      revision: { version: '2.0.0' },
      summary: { ERR: 2 },
    });
    // From a subfolder, ./ paths are the working directory's, as git reads them.
    const below = await contracts(
      ['diff', 'HEAD:./openapi.yaml', 'openapi.yaml', '--json'],
      path.join(repository, 'api'),
    );
    expect(below.json.summary).toEqual(answer.json.summary);

    const unknown = await contracts(
      ['diff', 'no-such-branch:api/openapi.yaml', 'api/openapi.yaml'],
      repository,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('shipshape: unknown git ref "no-such-branch"\n');
    const absent = await contracts(['diff', 'HEAD:api/none.yaml', 'api/openapi.yaml'], repository);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toBe('shipshape: no such file or folder: HEAD:api/none.yaml\n');
  });

  it('compares GraphQL schemas, and refuses to compare a schema with an OpenAPI document', async () => {
    folder('.', {
      'base.graphql': 'type Query {\n  pet(id: ID!): Pet\n}\n\ntype Pet {\n  id: ID!\n  name: String\n}\n',
      'revision.graphql': 'type Query {\n  pet(id: ID!): Pet\n}\n\ntype Pet {\n  id: ID!\n}\n',
    });
    const answer = await contracts(['diff', 'base.graphql', 'revision.graphql', '--json']);
    expect(answer.code, answer.stderr).toBe(1);
    expect(answer.json.kind).toBe('graphql');
    expect(answer.json.findings[0]).toMatchObject({ level: 'ERR', section: 'graphql' });
    const mixed = await contracts(['diff', 'base.graphql', 'base.yaml']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('compare two versions of one contract');
  });
});

describe('shipshape contracts rules', () => {
  it('lists the catalogue with level, section and title; with --json, why too', async () => {
    const text = await contracts(['rules']);
    expect(text.code).toBe(0);
    for (const rule of rules)
      expect(text.stdout).toMatch(new RegExp(`^${rule.id} +${rule.level} +${rule.section} +\\S`, 'm'));
    const json = await contracts(['rules', '--json']);
    const [first] = rules;
    expect(json.json).toContainEqual({
      id: first?.id,
      level: first?.level,
      section: first?.section,
      title: first?.title,
      why: first?.why,
    });
  });
});
