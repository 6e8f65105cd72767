// A team brings its ADR folder into Shipshape with `shipshape decisions …`: a dry run, the import,
// finding and exporting decisions, and moving them through their lifecycle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { listen, runCli } from './cli-support.ts';

const fixtures = path.resolve(import.meta.dirname, '../../src/modules/decision-logs/fixtures');

let t: TestApp;
let url: string;
let owner: Caller;
let scratch: string;
let adrFolder: string;

/** A log4brains folder as teams keep it: the ADRs, plus the index and template that are not ADRs. */
function makeAdrFolder(): string {
  const folder = path.join(scratch, 'docs', 'adr');
  fs.mkdirSync(folder, { recursive: true });
  for (const name of fs.readdirSync(path.join(fixtures, 'log4brains')))
    fs.copyFileSync(path.join(fixtures, 'log4brains', name), path.join(folder, name));
  fs.writeFileSync(
    path.join(folder, 'index.md'),
    '<!-- This file is the home page of the ADR site. -->\n# Architecture knowledge base\n',
  );
  fs.writeFileSync(
    path.join(folder, 'template.md'),
    '# [short title of solved problem and solution]\n\n- Status: [draft | proposed]\n',
  );
  return folder;
}

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  owner = t.owner;
  expect((await owner.post('/api/v1/projects', { name: 'Web', key: 'WEB' })).status).toBe(201);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-decisions-cli-'));
  adrFolder = makeAdrFolder();
});

afterAll(async () => {
  await t?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const titles = (decisions: { title: string }[]) => decisions.map((decision) => decision.title);

describe('shipshape decisions', () => {
  it('shows what an import would create, then imports the folder', async () => {
    const dry = await runCli(url, owner, [
      'decisions',
      'import',
      adrFolder,
      '--project',
      'WEB',
      '--dry-run',
      '--json',
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.json).toMatchObject({ dryRun: true, errors: [], skipped: ['index.md', 'template.md'] });
    expect(
      dry.json.decisions.map((decision: { reference: string; id: null; status: string }) => [
        decision.reference,
        decision.id,
        decision.status,
      ]),
    ).toEqual([
      ['ADR-0001', null, 'accepted'],
      ['ADR-0002', null, 'superseded'],
      ['ADR-0003', null, 'accepted'],
      ['ADR-0004', null, 'draft'],
    ]);
    expect((await owner.get('/api/v1/decision-logs')).body.data).toEqual([]);

    const real = await runCli(url, owner, ['decisions', 'import', adrFolder, '--project', 'WEB']);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('Created 4 decision(s):');
    expect(real.stdout).toContain('Skipped (not decisions): index.md, template.md');

    const listed = await runCli(url, owner, ['decisions', 'list', '--project', 'WEB', '--json']);
    expect(listed.json).toHaveLength(4);
    const react = listed.json.find(
      (decision: { title: string }) => decision.title === 'Use React for the UI',
    );
    const vite = listed.json.find(
      (decision: { title: string }) => decision.title === 'Use React with Vite for the UI',
    );
    expect(react.supersededBy).toBe(vite.id);
    expect(vite.supersedes).toEqual([react.id]);
  }, 180_000);

  it('finds decisions by status, type, tags and text', async () => {
    const list = async (...args: string[]) => {
      const result = await runCli(url, owner, ['decisions', 'list', ...args, '--json']);
      expect(result.code, result.stderr).toBe(0);
      return titles(result.json).sort();
    };
    expect(await list('--tag', 'frontend', '--status', 'accepted')).toEqual([
      'Use React with Vite for the UI',
    ]);
    expect(await list('--tag', 'frontend', '--tag', 'build')).toEqual(['Use React with Vite for the UI']);
    expect(await list('--any-tag', 'doc,build')).toEqual([
      'Use Log4brains to manage the ADRs',
      'Use React with Vite for the UI',
    ]);
    expect(await list('--status', 'draft,superseded')).toEqual([
      'Adopt Storybook for UI components',
      'Use React for the UI',
    ]);
    expect(await list('--q', 'isolation')).toEqual(['Adopt Storybook for UI components']);
    expect(await list('--type', 'security')).toEqual([]);
  }, 180_000);

  it('exports one decision as MADR, and all as a zip that imports back the same', async () => {
    const one = await runCli(url, owner, ['decisions', 'export', 'ADR-0003']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^---\nstatus: accepted\n/);
    expect(one.stdout).toContain('# Use React with Vite for the UI');

    const zipFile = path.join(scratch, 'decisions.zip');
    const zipped = await runCli(url, owner, [
      'decisions',
      'export',
      '--format',
      'zip',
      '--out',
      zipFile,
      '--json',
    ]);
    expect(zipped.json).toMatchObject({ format: 'zip', out: zipFile });
    const files = unzipSync(fs.readFileSync(zipFile));
    expect(Object.keys(files).sort()).toEqual([
      '0001-use-log4brains-to-manage-the-adrs.md',
      '0002-use-react-for-the-ui.md',
      '0003-use-react-with-vite-for-the-ui.md',
      '0004-adopt-storybook-for-ui-components.md',
    ]);

    const csv = await runCli(url, owner, ['decisions', 'export', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toMatch(/^reference,title,status,/);
    expect(csv.stdout).toContain('ADR-0003,Use React with Vite for the UI,accepted,');

    // Round trip: the exported folder, imported into another workspace, gives the same decisions.
    const exported = path.join(scratch, 'exported');
    fs.mkdirSync(exported);
    for (const [name, bytes] of Object.entries(files))
      fs.writeFileSync(path.join(exported, name), strFromU8(bytes));
    const other = await t.newWorkspace();
    const again = await runCli(url, other, ['decisions', 'import', exported, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const summary = (caller: Caller) =>
      runCli(url, caller, ['decisions', 'list', '--json']).then((result) =>
        result.json
          .map((decision: { title: string; status: string; tags: string[]; decisionDate: string }) =>
            [decision.title, decision.status, decision.tags.join(','), decision.decisionDate].join('|'),
          )
          .sort(),
      );
    expect(await summary(other)).toEqual(await summary(owner));
  }, 180_000);

  it('moves decisions through their lifecycle', async () => {
    const draft = await runCli(url, owner, ['decisions', 'propose', 'ADR-0004', '--json']);
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.json.status).toBe('proposed');
    const accepted = await runCli(url, owner, [
      'decisions',
      'accept',
      '4',
      '--reason',
      'Design review agreed',
      '--json',
    ]);
    expect(accepted.json.status).toBe('accepted');

    const created = await owner.post('/api/v1/decision-logs', {
      title: 'Use Rsbuild for the UI',
      decisionType: 'technology',
      context: 'Vite builds are fine, but Rsbuild is faster for our size.',
      decision: 'Build the UI with Rsbuild.',
    });
    expect(created.status).toBe(201);
    await runCli(url, owner, ['decisions', 'propose', created.body.id]);
    await runCli(url, owner, ['decisions', 'accept', created.body.id]);
    const superseded = await runCli(url, owner, [
      'decisions',
      'supersede',
      'ADR-0003',
      '--by',
      created.body.reference,
      '--json',
    ]);
    expect(superseded.code, superseded.stderr).toBe(0);
    expect(superseded.json).toMatchObject({ status: 'superseded', supersededBy: created.body.id });
    const replacement = await runCli(url, owner, ['decisions', 'show', created.body.id, '--json']);
    expect(replacement.json.supersedes).toEqual([superseded.json.id]);

    const deprecated = await runCli(url, owner, ['decisions', 'deprecate', 'ADR-0001', '--json']);
    expect(deprecated.json.status).toBe('deprecated');
    const illegal = await runCli(url, owner, ['decisions', 'reject', 'ADR-0001']);
    expect(illegal.code).toBe(1);
    expect(illegal.stderr).toMatch(/^shipshape: 409 .+\n$/);
  }, 180_000);

  it('imports nothing when a file cannot be parsed, and says which and why', async () => {
    const before = (await owner.get('/api/v1/decision-logs', { query: { limit: '200' } })).body.data.length;
    const broken = await runCli(url, owner, ['decisions', 'import', path.join(fixtures, 'broken'), '--json']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('shipshape: 2 file(s) cannot be imported, so nothing was imported\n');
    expect(broken.json.errors).toEqual([
      { file: '0002-bad-status.md', reason: 'unknown status "Maybe later"' },
      { file: 'notes.md', reason: expect.stringContaining('not an ADR in a known format') },
    ]);
    const after = (await owner.get('/api/v1/decision-logs', { query: { limit: '200' } })).body.data.length;
    expect(after).toBe(before);
  }, 180_000);

  it('fails with a non-zero exit and a one-line reason for an unknown decision', async () => {
    const unknown = await runCli(url, owner, ['decisions', 'show', '0190a000-0000-7000-8000-000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^shipshape: 404 [^\n]+\n$/);
    const byNumber = await runCli(url, owner, ['decisions', 'export', 'ADR-0999']);
    expect(byNumber.code).toBe(1);
    expect(byNumber.stderr).toBe('shipshape: no decision ADR-0999 in this workspace\n');
    const noFolder = await runCli(url, owner, ['decisions', 'import', path.join(scratch, 'missing')]);
    expect(noFolder.stderr).toMatch(/^shipshape: cannot read .*missing: ENOENT\n$/);
  }, 180_000);
});
