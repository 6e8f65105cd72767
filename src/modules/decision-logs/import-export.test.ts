import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const base = '/api/v1/decision-logs';
const fixtures = join(import.meta.dirname, 'fixtures');

function folder(name: string) {
  return readdirSync(join(fixtures, name))
    .filter((file) => file.endsWith('.md'))
    .map((file) => ({ name: file, content: readFileSync(join(fixtures, name, file), 'utf8') }));
}

/** The fields that make a decision what it is (not where or when it was stored). */
type Decision = Record<string, unknown> & {
  id: string;
  title: string;
  supersededBy: string | null;
  supersedes: string[];
};
function essence(decisions: Decision[]) {
  const titleOf = new Map(decisions.map((decision) => [decision.id, decision.title]));
  return decisions
    .map((decision) => {
      const {
        id: _id,
        number: _number,
        reference: _reference,
        createdAt: _createdAt,
        updatedAt: _updatedAt,
        version: _version,
        projectId: _projectId,
        ...rest
      } = decision;
      return {
        ...rest,
        supersededBy: decision.supersededBy ? titleOf.get(decision.supersededBy) : null,
        supersedes: decision.supersedes.map((id) => titleOf.get(id)).sort(),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}

async function importFolder(caller: Caller, files: { name: string; content: string }[], extra = {}) {
  const answer = await caller.post(`${base}/import`, { files, ...extra });
  return answer;
}

async function decisionsOf(caller: Caller, projectId: string): Promise<Decision[]> {
  const answer = await caller.get(base, { query: { 'filter[project]': projectId, limit: '200' } });
  return answer.body.data;
}

let projectSequence = 0;
async function newProject(caller: Caller) {
  projectSequence += 1;
  return (await caller.post('/api/v1/projects', { name: 'Imported', key: `IMP${projectSequence}` })).body
    .id as string;
}

async function exportZip(caller: Caller, projectId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `${base}/export?format=zip&project=${projectId}`,
    headers: { authorization: `Bearer ${caller.token}` },
  });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/zip');
  const entries = unzipSync(new Uint8Array(response.rawPayload));
  return Object.entries(entries).map(([name, bytes]) => ({ name, content: strFromU8(bytes) }));
}

describe.each(['nygard', 'madr2', 'madr3', 'madr4', 'log4brains'])('importing a %s folder', (format) => {
  it('imports every file and round-trips through export', async () => {
    const files = folder(format);
    const projectId = await newProject(owner);
    const first = await importFolder(owner, files, { projectId });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.errors).toEqual([]);
    expect(first.body.decisions).toHaveLength(files.length);
    for (const decision of first.body.decisions) expect(decision.format).toBe(format);
    const imported = await decisionsOf(owner, projectId);
    expect(imported).toHaveLength(files.length);

    const exported = await exportZip(owner, projectId);
    expect(exported.map((file) => file.name).every((name) => /^\d{4}-[a-z0-9-]+\.md$/.test(name))).toBe(true);
    const again = await newProject(owner);
    const second = await importFolder(owner, exported, { projectId: again });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(essence(await decisionsOf(owner, again))).toEqual(essence(imported));
  });
});

describe('what an import reads', () => {
  it('maps Nygard titles, dates, statuses, sections and supersession from both sides', async () => {
    const projectId = await newProject(owner);
    await importFolder(owner, folder('nygard'), { projectId });
    const decisions = await decisionsOf(owner, projectId);
    const byTitle = Object.fromEntries(decisions.map((decision) => [decision.title, decision]));
    const mysql = byTitle['Use MySQL for persistence'];
    const postgres = byTitle['Use PostgreSQL for persistence'];
    expect(mysql).toMatchObject({
      status: 'superseded',
      decisionDate: '2023-03-14',
      decisionType: 'architecture',
      supersededBy: postgres?.id,
      context: 'The payment service needs a relational store for ledger entries. The team knows MySQL well.',
      consequences: '* We must run and back up a MySQL cluster.',
      consequencesGood: ['the team can operate it from day one.'],
      consequencesBad: ['JSON support is weaker than we would like.'],
    });
    expect(postgres).toMatchObject({ status: 'accepted', supersedes: [mysql?.id] });
    expect(byTitle['Record architecture decisions']?.decision).toContain('Architecture Decision Records');
  });

  it('maps MADR deciders, drivers, options with pros and cons, consequences and confirmation', async () => {
    const projectId = await newProject(owner);
    await importFolder(owner, folder('madr4'), { projectId });
    const [flags] = (await decisionsOf(owner, projectId)).filter(
      (decision) => decision.status === 'accepted',
    );
    expect(flags).toMatchObject({
      title: 'Use OpenFeature with flagd for feature flags',
      decisionOwner: 'Jane Doe',
      decisionOwnerId: null,
      decisionDate: '2024-09-03',
      decisionDrivers: ['No vendor lock-in', 'Evaluation in under a millisecond', 'Per-tenant targeting'],
      consequencesGood: ['the SDK is vendor-neutral'],
      consequencesBad: ['we operate flagd ourselves'],
      moreInformation: 'Revisit when more than 200 flags exist.',
    });
    expect(flags?.confirmation).toContain('ArchUnit-style test');
    expect(flags?.consideredOptions).toEqual([
      {
        title: 'OpenFeature with flagd',
        description: '<https://openfeature.dev>',
        pros: ['it is a CNCF project'],
        neutral: ['flag definitions live in Git'],
        cons: ['there is no UI out of the box'],
      },
      {
        title: 'LaunchDarkly',
        description: '',
        pros: ['the UI is excellent'],
        neutral: [],
        cons: ['of its price per seat'],
      },
      {
        title: 'Home-grown flags table',
        description: '',
        pros: ['it is simple'],
        neutral: [],
        cons: ['targeting rules would be ours to build'],
      },
    ]);
  });

  it('links deciders who are members, and keeps other names as display names', async () => {
    const workspace = await t.newWorkspace();
    const [file] = folder('madr4');
    const content = (file?.content ?? '').replace('decision-makers: Jane Doe', 'decision-makers: Test owner');
    const answer = await importFolder(workspace, [{ name: 'a.md', content }]);
    expect(answer.status).toBe(201);
    const decision = (await workspace.get(`${base}/${answer.body.decisions[0].id}`)).body;
    expect(decision).toMatchObject({ decisionOwner: 'Test owner', decisionOwnerId: workspace.userId });
  });

  it('reads log4brains drafts, tags and dates from file names', async () => {
    const projectId = await newProject(owner);
    const answer = await importFolder(owner, folder('log4brains'), { projectId });
    const byTitle = Object.fromEntries(
      (await decisionsOf(owner, projectId)).map((decision) => [decision.title, decision]),
    );
    expect(byTitle['Adopt Storybook for UI components']).toMatchObject({
      status: 'draft',
      tags: ['frontend'],
    });
    expect(byTitle['Use React for the UI']).toMatchObject({
      status: 'superseded',
      decisionDate: '2024-02-15',
      supersededBy: byTitle['Use React with Vite for the UI']?.id,
    });
    expect(byTitle['Use Log4brains to manage the ADRs']?.tags).toEqual(['dev-tools', 'doc']);
    expect(answer.body.decisions.map((decision: { file: string }) => decision.file)).toEqual([
      '20240110-use-log4brains-to-manage-the-adrs.md',
      '20240215-use-react-for-the-ui.md',
      '20240301-use-react-with-vite-for-the-ui.md',
      '20240320-adopt-storybook.md',
    ]);
  });

  it("reads this repository's own decision records", async () => {
    const adrs = join(import.meta.dirname, '../../../docs/adr');
    const files = readdirSync(adrs)
      .filter((file) => /^\d{4}-.*\.md$/.test(file))
      .map((file) => ({ name: file, content: readFileSync(join(adrs, file), 'utf8') }));
    const answer = await importFolder(owner, files, { dryRun: true });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.errors).toEqual([]);
    expect(answer.body.decisions[0]).toMatchObject({
      format: 'nygard',
      status: 'accepted',
      decisionDate: '2026-11-24',
    });
  });
});

describe('an import that cannot be completed', () => {
  it('reports every file that cannot be parsed, with its reason, in a dry run', async () => {
    const answer = await importFolder(owner, folder('broken'), { dryRun: true });
    expect(answer.status).toBe(200);
    expect(answer.body.dryRun).toBe(true);
    expect(answer.body.decisions.map((decision: { title: string }) => decision.title)).toEqual([
      'A good decision',
    ]);
    expect(answer.body.errors).toEqual([
      { file: '0002-bad-status.md', reason: 'unknown status "Maybe later"' },
      { file: 'notes.md', reason: expect.stringContaining('not an ADR in a known format') },
    ]);
  });

  it('imports nothing when one file fails, answering 422 with the reasons', async () => {
    const before = await owner.get(base, { query: { limit: '200' } });
    const answer = await importFolder(owner, folder('broken'));
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('decision_log.import_failed');
    expect(answer.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'files.0002-bad-status.md',
      'files.notes.md',
    ]);
    const after = await owner.get(base, { query: { limit: '200' } });
    expect(after.body.data.length).toBe(before.body.data.length);
  });

  it('creates nothing in a dry run, and shows the numbers the decisions would get', async () => {
    const workspace = await t.newWorkspace();
    const answer = await importFolder(workspace, folder('nygard'), { dryRun: true });
    expect(answer.status).toBe(200);
    expect(
      answer.body.decisions.map((decision: { reference: string; id: null }) => [
        decision.reference,
        decision.id,
      ]),
    ).toEqual([
      ['ADR-0001', null],
      ['ADR-0002', null],
      ['ADR-0003', null],
    ]);
    expect(answer.body.decisions[1]).toMatchObject({
      supersededBy: '0003-use-postgresql-for-persistence.md',
      status: 'superseded',
    });
    expect((await workspace.get(base)).body.data).toEqual([]);
  });

  it('refuses agents, editors importing ratified decisions, and unknown projects', async () => {
    const agent = await t.newMember(owner, 'agent');
    expect((await importFolder(agent, folder('nygard'))).status).toBe(403);
    const editor = await t.newMember(owner, 'editor');
    expect((await importFolder(editor, folder('nygard'))).status).toBe(403);
    const drafts = await importFolder(editor, [folder('log4brains')[3] as { name: string; content: string }]);
    expect(drafts.status).toBe(201);
    const unknown = await importFolder(owner, folder('nygard'), {
      projectId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('projectId');
  });

  it('answers 400 to an empty or malformed upload', async () => {
    expect((await owner.post(`${base}/import`, { files: [] })).status).toBe(400);
    const answer = await owner.post(`${base}/import`, { files: [{ name: 'a.md' }] });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].path).toBe('files.0.content');
  });
});

describe('exporting', () => {
  it('exports one decision as MADR Markdown naming its replacement', async () => {
    const projectId = await newProject(owner);
    await importFolder(owner, folder('nygard'), { projectId });
    const mysql = (await decisionsOf(owner, projectId)).find(
      (decision) => decision.title === 'Use MySQL for persistence',
    );
    const answer = await owner.get(`${base}/${mysql?.id}/export`, { query: { format: 'madr' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('text/markdown');
    expect(answer.body).toMatch(
      /^---\nstatus: superseded by \[ADR-\d{4}\]\(\d{4}-use-postgresql-for-persistence\.md\)\n/,
    );
    expect(answer.body).toContain('# Use MySQL for persistence\n');
    expect(answer.body).toContain('## Context and Problem Statement\n\nThe payment service needs');
    expect(answer.body).toContain('* Good, because the team can operate it from day one.');
  });

  it('exports all decisions as CSV with a header row, quoting and defusing formulas', async () => {
    const workspace = await t.newWorkspace();
    await workspace.post(base, {
      title: '=HYPERLINK("x")',
      decisionType: 'process',
      context: 'Line one\nline "two"',
      tags: ['a', 'b'],
    });
    const answer = await workspace.get(`${base}/export`, { query: { format: 'csv' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('text/csv');
    const [header, row] = (answer.body as string).split('\r\n');
    expect(header?.startsWith('reference,title,status,decision_type,decision_date')).toBe(true);
    expect(row).toContain('ADR-0001,"\'=HYPERLINK(""x"")",draft,process');
    expect(row).toContain('"Line one\nline ""two"""');
    expect(row).toContain('a; b');
  });

  it('names linked decisions left out of a filtered export by their reference', async () => {
    const workspace = await t.newWorkspace();
    await importFolder(workspace, folder('nygard'));
    const csv = await workspace.get(`${base}/export`, { query: { format: 'csv', status: 'accepted' } });
    expect(csv.body).toContain('ADR-0003,Use PostgreSQL for persistence,accepted');
    expect(csv.body).not.toContain('an unknown decision');
    const zip = await t.app.inject({
      method: 'GET',
      url: `${base}/export?format=zip&status=accepted`,
      headers: { authorization: `Bearer ${workspace.token}` },
    });
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const postgres = strFromU8(files['0003-use-postgresql-for-persistence.md'] ?? new Uint8Array());
    expect(postgres).toContain('ADR-0002');
    expect(postgres).not.toContain('an unknown decision');
  });

  it('answers 400 to an unknown export format', async () => {
    expect((await owner.get(`${base}/export`, { query: { format: 'pdf' } })).status).toBe(400);
  });
});
