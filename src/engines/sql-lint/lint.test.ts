import { describe, expect, it } from 'vitest';
import { lintMigrations } from './index.ts';

/** File-wide rules (timeouts, re-runnable statements) would report on every example here: they have tests of their own. */
const fileWideRules = ['require-timeout-settings', 'prefer-robust-stmts'];

async function lintOne(sql: string, options: Parameters<typeof lintMigrations>[1] = {}) {
  const report = await lintMigrations([{ path: 'migration.sql', sql }], {
    disabledRules: fileWideRules,
    ...options,
  });
  const file = report.files[0];
  if (!file) throw new Error('no file report');
  return { report, file, ruleIds: file.findings.map((finding) => finding.ruleId) };
}

describe('reading migration files', () => {
  it('answers a syntax error with the parser message, line and column instead of throwing', async () => {
    const { file, report } = await lintOne(
      'CREATE TABLE a (id bigint);\nALTER TABLE a ADD COLUMN b int4 NOTNULL;\n',
    );
    expect(file.parseError).toEqual({
      message: expect.stringContaining('syntax error'),
      line: 2,
      column: 33,
    });
    expect(report.summary.parseErrors).toBe(1);
  });

  it('locates statements by line and column, after comments and multi-byte text', async () => {
    const sql =
      "-- Café: première migration\nCOMMENT ON TABLE t IS 'é';\n\n  /* note */ ALTER TABLE t DROP COLUMN c;\n";
    const { file } = await lintOne(sql);
    expect(file.statements.map((statement) => statement.line)).toEqual([2, 4]);
    expect(file.findings[0]).toMatchObject({ ruleId: 'ban-drop-column', line: 4, column: 14 });
    expect(file.findings[0]?.statement).toBe('ALTER TABLE t DROP COLUMN c');
  });

  it('skips psql meta-commands and reports them as not analysed', async () => {
    const { file } = await lintOne('\\set ON_ERROR_STOP on\nDROP TABLE old_orders;\n\\connect other\n');
    expect(file.parseError).toBeNull();
    expect(file.unanalysed.map((entry) => entry.line)).toEqual([1, 3]);
    expect(file.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['ban-drop-table', 2]]);
  });

  it('reads only the up section of a dbmate file', async () => {
    const { file } = await lintOne(
      '-- migrate:up\nALTER TABLE t ADD COLUMN c text;\n\n-- migrate:down\nALTER TABLE t DROP COLUMN c;\n',
    );
    expect(file.statements).toHaveLength(1);
    expect(file.findings).toEqual([]);
  });

  it('reports DO blocks as not analysed', async () => {
    const { file } = await lintOne("DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$;");
    expect(file.unanalysed).toEqual([
      { path: 'migration.sql', line: 1, reason: expect.stringContaining('DO block') },
    ]);
  });
});

describe('what each statement locks', () => {
  it('names the lock, what it blocks, and whether the table is rewritten or scanned', async () => {
    const { file } = await lintOne(
      'ALTER TABLE orders ADD COLUMN id2 uuid DEFAULT gen_random_uuid();\nCREATE INDEX CONCURRENTLY i ON orders (id2);\nALTER TABLE orders VALIDATE CONSTRAINT c;\n',
    );
    expect(file.statements.map((statement) => statement.locks)).toEqual([
      [{ table: 'orders', mode: 'ACCESS EXCLUSIVE', blocks: 'reads and writes', rewrite: true, scan: true }],
      [
        {
          table: 'orders',
          mode: 'SHARE UPDATE EXCLUSIVE',
          blocks: 'schema changes and vacuum',
          rewrite: false,
          scan: true,
        },
      ],
      [
        {
          table: 'orders',
          mode: 'SHARE UPDATE EXCLUSIVE',
          blocks: 'schema changes and vacuum',
          rewrite: false,
          scan: true,
        },
      ],
    ]);
  });

  it('locks the existing table a new table’s foreign key references', async () => {
    const { file } = await lintOne('CREATE TABLE lines (id bigint, order_id bigint REFERENCES orders (id));');
    expect(file.statements[0]?.locks.map((lock) => [lock.table, lock.mode])).toEqual([
      ['orders', 'SHARE ROW EXCLUSIVE'],
    ]);
  });

  it('locks both tables for a foreign key', async () => {
    const { file } = await lintOne(
      'ALTER TABLE orders ADD CONSTRAINT f FOREIGN KEY (c) REFERENCES customers (id) NOT VALID;',
    );
    expect(file.statements[0]?.locks.map((lock) => [lock.table, lock.mode])).toEqual([
      ['orders', 'SHARE ROW EXCLUSIVE'],
      ['customers', 'SHARE ROW EXCLUSIVE'],
    ]);
  });

  it('treats tables created earlier in the file as nobody else’s: no locks, no findings', async () => {
    const { file } = await lintOne(
      'CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric);\nALTER TABLE invoices ADD COLUMN number text NOT NULL;\nCREATE INDEX invoices_number ON invoices (number);\nALTER TABLE invoices ALTER COLUMN total SET NOT NULL;\n',
    );
    expect(file.findings).toEqual([]);
    expect(file.statements.slice(1).every((statement) => statement.locks.length === 0)).toBe(true);
  });
});

describe('verdicts that depend on the PostgreSQL version', () => {
  const constantDefault = "ALTER TABLE orders ADD COLUMN status text DEFAULT 'open';";

  it('a constant default rewrites before 11 and not from 11', async () => {
    expect((await lintOne(constantDefault, { pgVersion: 10 })).ruleIds).toContain(
      'adding-field-with-default',
    );
    expect((await lintOne(constantDefault, { pgVersion: 11 })).ruleIds).not.toContain(
      'adding-field-with-default',
    );
    expect((await lintOne(constantDefault, { pgVersion: 10 })).file.statements[0]?.locks[0]?.rewrite).toBe(
      true,
    );
  });

  it('a volatile default rewrites in every version', async () => {
    const { ruleIds } = await lintOne(
      'ALTER TABLE o ADD COLUMN created timestamptz DEFAULT clock_timestamp();',
      { pgVersion: 17 },
    );
    expect(ruleIds).toContain('adding-field-with-default');
  });

  it('now() is stable, so it does not rewrite from 11', async () => {
    const { ruleIds } = await lintOne('ALTER TABLE o ADD COLUMN created timestamptz DEFAULT now();', {
      pgVersion: 16,
    });
    expect(ruleIds).not.toContain('adding-field-with-default');
  });
});

describe('SET NOT NULL after a validated CHECK', () => {
  const steps =
    'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;';

  it('does not scan from PostgreSQL 12, so the recipe itself passes', async () => {
    expect((await lintOne(steps, { pgVersion: 12 })).ruleIds).not.toContain('adding-not-nullable-field');
    expect((await lintOne(steps, { pgVersion: 11 })).ruleIds).toContain('adding-not-nullable-field');
  });

  it('still scans when the CHECK was never validated or is on another column', async () => {
    const unvalidated = steps.replace('ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n', '');
    expect((await lintOne(unvalidated)).ruleIds).toContain('adding-not-nullable-field');
    const otherColumn = steps.replace('SET NOT NULL', 'SET NOT NULL').replace('COLUMN email', 'COLUMN name');
    expect((await lintOne(otherColumn)).ruleIds).toContain('adding-not-nullable-field');
  });
});

describe('transactions', () => {
  it('knows which statements run inside BEGIN … COMMIT', async () => {
    const { file } = await lintOne('SELECT 1;\nBEGIN;\nSELECT 2;\nCOMMIT;\nSELECT 3;');
    expect(file.statements.map((statement) => statement.inTransaction)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('says until which line a statement inside a transaction holds its locks', async () => {
    const { file } = await lintOne(
      "BEGIN;\nALTER TABLE t ADD COLUMN c text;\nUPDATE t SET c = 'x' WHERE id < 100;\nCOMMIT;\nALTER TABLE t DROP COLUMN d;",
    );
    expect(file.statements.map((statement) => statement.locksHeldUntilLine)).toEqual([4, 4, 4, null, null]);
    const wrapped = await lintOne('ALTER TABLE t ADD COLUMN c text;\n\nUPDATE t SET c = 1 WHERE id < 9;\n', {
      assumeInTransaction: true,
    });
    expect(wrapped.file.statements.map((statement) => statement.locksHeldUntilLine)).toEqual([3, 3]);
  });

  it('refuses CONCURRENTLY in a file its tool runs in a transaction', async () => {
    const sql = 'CREATE INDEX CONCURRENTLY i ON t (c);';
    expect((await lintOne(sql)).ruleIds).not.toContain('ban-concurrent-index-creation-in-transaction');
    expect((await lintOne(sql, { assumeInTransaction: true })).ruleIds).toContain(
      'ban-concurrent-index-creation-in-transaction',
    );
  });
});

describe('ignore comments and disabled rules', () => {
  it('an ignore with a reason silences the rule for that statement only and is listed', async () => {
    const { file } = await lintOne(
      '-- shipshape-ignore ban-drop-column: unused since 4.2\nALTER TABLE a DROP COLUMN x;\nALTER TABLE b DROP COLUMN y;\n',
    );
    expect(file.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['ban-drop-column', 3]]);
    expect(file.ignored).toEqual([{ ruleId: 'ban-drop-column', line: 2, reason: 'unused since 4.2' }]);
  });

  it('a file-wide ignore applies to every statement', async () => {
    const { file } = await lintOne(
      '-- shipshape-ignore-file ban-drop-column: table is being retired\nALTER TABLE a DROP COLUMN x;\nALTER TABLE a DROP COLUMN y;\n',
    );
    expect(file.findings).toEqual([]);
    expect(file.ignored).toHaveLength(2);
  });

  it('disabled rules never report', async () => {
    const { ruleIds } = await lintOne('DROP TABLE a;', {
      disabledRules: [...fileWideRules, 'ban-drop-table'],
    });
    expect(ruleIds).not.toContain('ban-drop-table');
  });

  it('counts errors and warnings in the summary', async () => {
    const { report } = await lintOne('DROP TABLE a;\nALTER TABLE b ALTER COLUMN c DROP NOT NULL;');
    expect(report.summary).toMatchObject({ files: 1, statements: 2, errors: 1, warnings: 1, parseErrors: 0 });
  });
});
