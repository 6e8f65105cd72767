import { describe, expect, it } from 'vitest';
import { lintMigrations } from '../index.ts';

interface Options {
  pgVersion?: number;
  runsInTransaction?: boolean;
}

async function found(
  ruleId: string,
  sql: string,
  options: Options = {},
): Promise<{ line: number; message: string }[]> {
  const report = await lintMigrations(
    [{ path: 'm.sql', sql, runsInTransaction: options.runsInTransaction }],
    {
      pgVersion: options.pgVersion ?? 16,
    },
  );
  expect(report.files[0]?.parseError).toBeNull();
  return (report.files[0]?.findings ?? [])
    .filter((finding) => finding.ruleId === ruleId)
    .map(({ line, message }) => ({ line, message }));
}

describe('require-timeout-settings', () => {
  it('reports only the first unguarded statement of a file', async () => {
    const sql = 'ALTER TABLE orders ADD COLUMN a text;\nALTER TABLE orders ADD COLUMN b text;';
    const findings = await found('require-timeout-settings', sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.line).toBe(1);
    expect(findings[0]?.message).toContain(
      'ACCESS EXCLUSIVE on orders with no lock_timeout and no statement_timeout',
    );
  });

  it('asks for statement_timeout too when only lock_timeout is set', async () => {
    const sql = "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY orders_a_idx ON orders (a);";
    const findings = await found('require-timeout-settings', sql);
    expect(findings).toEqual([
      {
        line: 2,
        message: expect.stringMatching(/SHARE UPDATE EXCLUSIVE on orders with no statement_timeout set/),
      },
    ]);
  });

  it('ignores weak locks and tables created earlier in the file', async () => {
    const sql =
      "UPDATE orders SET note = '' WHERE id = 1;\nCREATE TABLE refunds (id bigint);\nCREATE INDEX refunds_id_idx ON refunds (id);\nALTER TABLE refunds ADD COLUMN reason text;";
    expect(await found('require-timeout-settings', sql)).toEqual([]);
  });

  it('reports again after RESET ALL when no statement was unguarded before', async () => {
    const sql =
      "SET lock_timeout = '2s';\nSET statement_timeout = '1min';\nALTER TABLE orders ADD COLUMN a text;\nRESET ALL;\nDROP INDEX CONCURRENTLY IF EXISTS orders_a_idx;";
    const findings = await found('require-timeout-settings', sql);
    expect(findings.map((finding) => finding.line)).toEqual([5]);
  });
});

describe('transaction-nesting', () => {
  it('reports BEGIN inside an open transaction', async () => {
    const sql = 'BEGIN;\nBEGIN;\nSELECT 1;\nCOMMIT;';
    expect((await found('transaction-nesting', sql)).map((finding) => finding.line)).toEqual([2]);
  });

  it('reports COMMIT with no transaction open', async () => {
    const sql = 'ALTER TABLE orders ADD COLUMN a text;\nCOMMIT;';
    const findings = await found('transaction-nesting', sql);
    expect(findings).toEqual([{ line: 2, message: expect.stringContaining('no transaction open') }]);
  });

  it('accepts transactions one after the other', async () => {
    const sql = 'BEGIN;\nSELECT 1;\nCOMMIT;\nSTART TRANSACTION;\nSELECT 2;\nROLLBACK;';
    expect(await found('transaction-nesting', sql)).toEqual([]);
  });

  it('reports BEGIN and COMMIT in a file the migration tool runs in a transaction', async () => {
    const sql = 'BEGIN;\nALTER TABLE orders ADD COLUMN a text;\nCOMMIT;';
    const findings = await found('transaction-nesting', sql, { runsInTransaction: true });
    expect(findings.map((finding) => finding.line)).toEqual([1, 3]);
    expect(findings[0]?.message).toContain('migration tool');
    expect(findings[1]?.message).toContain('migration tool');
    expect(await found('transaction-nesting', sql, { runsInTransaction: false })).toEqual([]);
  });
});

describe('adding-enum-value-in-transaction', () => {
  const addValue = "ALTER TYPE order_status ADD VALUE 'refunded';";

  it('reports ADD VALUE in a transaction block before PostgreSQL 12, used or not', async () => {
    const findings = await found('adding-enum-value-in-transaction', `BEGIN;\n${addValue}\nCOMMIT;`, {
      pgVersion: 11,
    });
    expect(findings).toEqual([{ line: 2, message: expect.stringContaining('fails before PostgreSQL 12') }]);
  });

  it('reports it before 12 in a file the tool runs in a transaction, and not outside one', async () => {
    expect(
      await found('adding-enum-value-in-transaction', addValue, { pgVersion: 11, runsInTransaction: true }),
    ).toHaveLength(1);
    expect(await found('adding-enum-value-in-transaction', addValue, { pgVersion: 11 })).toEqual([]);
  });

  it('from 12, reports only a use of the new value before COMMIT', async () => {
    const unused = `BEGIN;\n${addValue}\nCOMMIT;`;
    expect(await found('adding-enum-value-in-transaction', unused, { pgVersion: 12 })).toEqual([]);
    const used = `BEGIN;\n${addValue}\nALTER TABLE orders ALTER COLUMN status SET DEFAULT 'refunded';\nCOMMIT;`;
    expect(await found('adding-enum-value-in-transaction', used, { pgVersion: 12 })).toEqual([
      { line: 2, message: expect.stringContaining('used at line 3 before COMMIT') },
    ]);
  });

  it('accepts a value added to an enum created in the same transaction', async () => {
    const sql = `BEGIN;\nCREATE TYPE order_status AS ENUM ('open');\n${addValue}\nUPDATE orders SET status = 'refunded';\nCOMMIT;`;
    expect(await found('adding-enum-value-in-transaction', sql, { pgVersion: 11 })).toEqual([]);
    expect(await found('adding-enum-value-in-transaction', sql, { pgVersion: 16 })).toEqual([]);
  });

  it('ignores RENAME VALUE', async () => {
    const sql = "BEGIN;\nALTER TYPE order_status RENAME VALUE 'refunded' TO 'returned';\nCOMMIT;";
    expect(await found('adding-enum-value-in-transaction', sql, { pgVersion: 11 })).toEqual([]);
  });
});

describe('prefer-robust-stmts', () => {
  const fragile =
    'CREATE TABLE refunds (id bigint);\nALTER TABLE orders ADD COLUMN a text, DROP COLUMN b, DROP CONSTRAINT c;\nDROP TABLE legacy;';

  it('reports every statement a second run would trip on, one finding per sub-command', async () => {
    const findings = await found('prefer-robust-stmts', fragile);
    expect(findings.map((finding) => finding.message.split(':')[0])).toEqual([
      'CREATE TABLE refunds without IF NOT EXISTS',
      'ALTER TABLE orders ADD COLUMN a without IF NOT EXISTS',
      'ALTER TABLE orders DROP COLUMN b without IF EXISTS',
      'ALTER TABLE orders DROP CONSTRAINT c without IF EXISTS',
      'DROP TABLE legacy without IF EXISTS',
    ]);
  });

  it('accepts the same file run in a transaction, by the tool or by BEGIN … COMMIT', async () => {
    expect(await found('prefer-robust-stmts', fragile, { runsInTransaction: true })).toEqual([]);
    expect(await found('prefer-robust-stmts', `BEGIN;\n${fragile}\nCOMMIT;`)).toEqual([]);
  });

  it('accepts IF [NOT] EXISTS and asks an unnamed index for a name', async () => {
    const robust =
      'CREATE TABLE IF NOT EXISTS refunds (id bigint);\nALTER TABLE orders ADD COLUMN IF NOT EXISTS a text, DROP COLUMN IF EXISTS b;\nDROP TYPE IF EXISTS legacy_kind;';
    expect(await found('prefer-robust-stmts', robust)).toEqual([]);
    const unnamed = await found('prefer-robust-stmts', 'CREATE INDEX CONCURRENTLY ON orders (a);');
    expect(unnamed[0]?.message).toContain('without a name on orders');
  });
});
