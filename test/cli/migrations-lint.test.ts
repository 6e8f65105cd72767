// `shipshape migrations lint` as CI runs it: no server, migrations found the way each framework keeps
// them, a report in the format asked for, and an exit code that fails the pipeline on unsafe SQL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runShipshape } from './cli-support.ts';

const corpus = path.resolve(import.meta.dirname, '../../src/engines/sql-lint/fixtures/corpus');
let scratch: string;

/** `shipshape migrations …args` with no server configured, from `cwd`. */
function migrations(args: string[], cwd: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of ['SHIPSHAPE_URL', 'SHIPSHAPE_TOKEN', 'DATABASE_URL']) delete env[name];
  return runShipshape(env, ['migrations', ...args], cwd);
}

/** A folder of migrations under the scratch folder. */
function folder(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, sql] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), sql);
  }
  return root;
}

const safe =
  'CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, email text);\nCREATE INDEX IF NOT EXISTS accounts_email ON accounts (email);\n';
const unsafe =
  "SET lock_timeout = 1000;\nSET statement_timeout = '5min';\nCREATE INDEX IF NOT EXISTS orders_status ON orders (status);\n";

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-migrations-'));
  folder('clean', { '1_accounts.sql': safe });
  folder('unsafe', { '1_accounts.sql': safe, '2_orders.sql': unsafe });
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('shipshape migrations lint', { timeout: 90_000 }, () => {
  it('exits 0 on a clean folder and 1 on an unsafe one, naming the file, line, column and rule', async () => {
    const clean = await migrations(['lint', 'clean'], scratch);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('1 file, 2 statements (PostgreSQL 16): 0 errors, 0 warnings');

    const found = await migrations(['lint', 'unsafe'], scratch);
    expect(found.code, found.stderr).toBe(1);
    expect(found.stdout).toContain('unsafe/2_orders.sql:3:1  error  require-concurrent-index-creation');
    expect(found.stdout).toContain('  3 | CREATE INDEX IF NOT EXISTS orders_status ON orders (status)');
    expect(found.stdout).not.toContain('\u001b[');
  });

  it('answers bad options with a one-line reason and exit 2', async () => {
    for (const args of [
      ['--pg', '9'],
      ['--pg', 'sixteen'],
      ['--format', 'html'],
      ['--fail-on', 'notice'],
      ['--disable', 'no-such-rule'],
      ['does-not-exist'],
    ]) {
      const answer = await migrations(['lint', 'unsafe', ...args], scratch);
      expect(answer.code, args.join(' ')).toBe(2);
      expect(answer.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(answer.stdout).toBe('');
    }
  });

  it('switches rules off with --disable and lints for another PostgreSQL with --pg', async () => {
    const disabled = await migrations(
      ['lint', 'unsafe', '--disable', 'require-concurrent-index-creation', '--pg', '12', '--json'],
      scratch,
    );
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.json).toMatchObject({ pgVersion: 12, summary: { errors: 0 } });
  });

  it('writes each format in a shape its reader accepts', async () => {
    const json = await migrations(['lint', 'unsafe', '--json'], scratch);
    expect(json.json).toMatchObject({ summary: { files: 2, errors: 1 }, skipped: [] });
    expect(json.stderr).toBe('');

    const sarif = await migrations(['lint', 'unsafe', '--format', 'sarif'], scratch);
    expect(sarif.code).toBe(1);
    expect(sarif.json.version).toBe('2.1.0');
    const [result] = sarif.json.runs[0].results;
    expect(result).toMatchObject({ ruleId: 'require-concurrent-index-creation', level: 'error' });
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'unsafe/2_orders.sql' },
      region: { startLine: 3, startColumn: 1 },
    });

    const markdown = await migrations(['lint', 'unsafe', '--format', 'markdown'], scratch);
    expect(markdown.stdout).toMatch(/^## Migration safety\n/);
    expect(markdown.stdout).toContain('| `unsafe/2_orders.sql` | 1 | 0 | 0 |  |');
    expect(markdown.stdout).toContain('<details>');

    const junit = await migrations(['lint', 'unsafe', '--format', 'junit'], scratch);
    expect(junit.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(junit.stdout.match(/<testsuite /g)).toHaveLength(2);
    expect(junit.stdout.match(/<failure /g)).toHaveLength(1);
    expect(junit.stdout.trimEnd().endsWith('</testsuites>')).toBe(true);
  });

  it('writes the report to --output and the summary to stdout', async () => {
    const file = path.join(scratch, 'report.sarif');
    const answer = await migrations(['lint', 'unsafe', '--format', 'sarif', '--output', file], scratch);
    expect(answer.code).toBe(1);
    expect(answer.stdout).toContain('2 file(s), 1 error(s)');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).runs[0].results).toHaveLength(1);
  });

  it('lints only the migrations added since a git ref with --since', async () => {
    const repository = folder('repository', { 'db/1_accounts.sql': unsafe });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', ...args], {
        cwd: repository,
        stdio: 'pipe',
      });
    git('init', '--quiet');
    git('add', '.');
    git('commit', '--quiet', '-m', 'first migration');
    fs.writeFileSync(path.join(repository, 'db/2_committed.sql'), safe);
    git('add', '.');
    git('commit', '--quiet', '-m', 'second migration');
    fs.writeFileSync(path.join(repository, 'db/3_untracked.sql'), unsafe);
    fs.appendFileSync(path.join(repository, 'db/1_accounts.sql'), '\n-- edited, not added\n');

    const answer = await migrations(['lint', 'db', '--since', 'HEAD~1', '--json'], repository);
    expect(answer.json.files.map((file: { path: string }) => file.path)).toEqual([
      'db/2_committed.sql',
      'db/3_untracked.sql',
    ]);
    expect(answer.code).toBe(1);

    const unknown = await migrations(['lint', 'db', '--since', 'no-such-branch'], repository);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown git ref "no-such-branch"');
    const outside = await migrations(['lint', 'clean', '--since', 'HEAD'], scratch);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('--since needs a git repository');
  });

  it('finds each framework’s migrations in the order its tool applies them', async () => {
    const answer = await migrations(['lint', '.', '--json'], corpus);
    const paths: string[] = answer.json.files.map((file: { path: string }) => file.path);
    const of = (prefix: string) => paths.filter((file) => file.startsWith(prefix));
    expect(of('prisma/')).toEqual([
      'prisma/migrations/20240105093000_init/migration.sql',
      'prisma/migrations/20240212141500_order_status/migration.sql',
      'prisma/migrations/20240301080000_product_sku/migration.sql',
    ]);
    expect(of('flyway/')).toEqual([
      'flyway/V1__create_customers.sql',
      'flyway/V1_1__customers_name_index.sql',
      'flyway/V1_2__customers_country.sql',
      'flyway/V2__drop_name_index.sql',
      'flyway/R__customer_view.sql',
    ]);
    expect(of('golang-migrate/')).toEqual([
      'golang-migrate/000001_create_events.up.sql',
      'golang-migrate/000002_events_created_at_index.up.sql',
      'golang-migrate/000010_drop_kind_index.up.sql',
    ]);
    expect(of('dbmate/')).toEqual([
      'dbmate/db/migrations/20240110120000_create_sessions.sql',
      'dbmate/db/migrations/20240115090000_sessions_user_index.sql',
      'dbmate/db/migrations/20240120100000_sessions_token_index.sql',
    ]);
    expect(of('drizzle/')).toEqual([
      'drizzle/0000_init.sql',
      'drizzle/0001_orders_status_index.sql',
      'drizzle/0002_orders_unique_reference.sql',
    ]);
    expect(of('sql/')).toEqual([
      'sql/001_create_accounts.sql',
      'sql/002_accounts_plan.sql',
      'sql/010_rebuild_indexes.sql',
    ]);
    expect(of('rails/')).toEqual([]);
    expect(answer.json.skipped.map((item: { path: string }) => item.path)).toEqual([
      'django/shop/migrations/0001_initial.py',
      'rails/db/migrate/20240101000000_create_users.rb',
    ]);
    // dbmate and Drizzle wrap their files in a transaction, where CONCURRENTLY is refused.
    const inTransaction = answer.json.files
      .flatMap((file: { findings: { ruleId: string; path: string }[] }) => file.findings)
      .filter(
        (finding: { ruleId: string }) => finding.ruleId === 'ban-concurrent-index-creation-in-transaction',
      )
      .map((finding: { path: string }) => finding.path);
    expect(inTransaction).toEqual([
      'dbmate/db/migrations/20240120100000_sessions_token_index.sql',
      'drizzle/0001_orders_status_index.sql',
    ]);
  });

  it('lints a single file named on the command line, in a folder of its framework', async () => {
    const answer = await migrations(['lint', 'drizzle/0001_orders_status_index.sql', '--json'], corpus);
    expect(answer.json.files).toHaveLength(1);
    expect(answer.json.files[0].statements[0].inTransaction).toBe(true);
    const assumed = await migrations(
      ['lint', 'sql/002_accounts_plan.sql', '--assume-in-transaction', '--json'],
      corpus,
    );
    expect(
      assumed.json.files[0].statements.every(
        (statement: { inTransaction: boolean }) => statement.inTransaction,
      ),
    ).toBe(true);
  });
});

describe('shipshape migrations rules', () => {
  it('lists the catalogue, in full with --json', async () => {
    const text = await migrations(['rules'], scratch);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^require-concurrent-index-creation +error +\S/m);
    const json = await migrations(['rules', '--json'], scratch);
    const rule = json.json.find(
      (candidate: { id: string }) => candidate.id === 'require-concurrent-index-creation',
    );
    expect(rule).toMatchObject({ severity: 'error', title: expect.any(String), why: expect.any(String) });
    expect(rule.recipe.length).toBeGreaterThan(10);
    expect(rule.examples.unsafe).toContain('CREATE INDEX');
  });
});
