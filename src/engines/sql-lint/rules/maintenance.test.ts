import { describe, expect, it } from 'vitest';
import { lintMigrations } from '../index.ts';

async function messages(ruleId: string, sql: string): Promise<string[]> {
  const report = await lintMigrations([{ path: 'm.sql', sql }], { pgVersion: 16 });
  expect(report.files[0]?.parseError).toBeNull();
  return (report.files[0]?.findings ?? [])
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => finding.message);
}

describe('maintenance rules', () => {
  it('ban-vacuum-full reads the FULL option, and a VACUUM FULL of everything', async () => {
    expect(await messages('ban-vacuum-full', 'VACUUM (FULL, ANALYZE) orders;')).toHaveLength(1);
    expect(await messages('ban-vacuum-full', 'VACUUM (FULL false, ANALYZE) orders;')).toEqual([]);
    expect(await messages('ban-vacuum-full', 'VACUUM (FULL off) orders;')).toEqual([]);
    expect(await messages('ban-vacuum-full', 'VACUUM FULL;')).toEqual([
      expect.stringContaining('whole database'),
    ]);
  });

  it('ban-vacuum-full and ban-cluster leave tables created earlier in the file alone', async () => {
    const sql =
      'CREATE TABLE refunds (id bigint PRIMARY KEY);\nVACUUM FULL refunds;\nCLUSTER refunds USING refunds_pkey;';
    expect(await messages('ban-vacuum-full', sql)).toEqual([]);
    expect(await messages('ban-cluster', sql)).toEqual([]);
    expect(await messages('ban-cluster', 'CLUSTER;')).toEqual([
      expect.stringContaining('every clustered table'),
    ]);
  });

  it('refresh-materialized-view-concurrently: WITH NO DATA empties the view; a view made in the file is exempt', async () => {
    expect(
      await messages(
        'refresh-materialized-view-concurrently',
        'REFRESH MATERIALIZED VIEW totals WITH NO DATA;',
      ),
    ).toEqual([expect.stringContaining('empties it')]);
    const fresh =
      'CREATE MATERIALIZED VIEW totals AS SELECT 1 AS one WITH NO DATA;\nREFRESH MATERIALIZED VIEW totals;';
    expect(await messages('refresh-materialized-view-concurrently', fresh)).toEqual([]);
  });

  it('explicit-lock-table reports SHARE and stronger, one finding per table', async () => {
    expect(await messages('explicit-lock-table', 'LOCK TABLE orders, customers;')).toEqual([
      'LOCK TABLE orders IN ACCESS EXCLUSIVE MODE blocks reads and writes until the transaction ends',
      'LOCK TABLE customers IN ACCESS EXCLUSIVE MODE blocks reads and writes until the transaction ends',
    ]);
    expect(
      await messages('explicit-lock-table', 'LOCK TABLE orders IN SHARE UPDATE EXCLUSIVE MODE;'),
    ).toEqual([]);
    expect(
      await messages('explicit-lock-table', 'CREATE TABLE refunds (id bigint);\nLOCK TABLE refunds;'),
    ).toEqual([]);
  });

  it('unbatched-data-change reports whole-table UPDATE and DELETE on existing tables only', async () => {
    expect(await messages('unbatched-data-change', 'DELETE FROM audit_log;')).toEqual([
      expect.stringContaining('DELETE of every row of audit_log'),
    ]);
    expect(
      await messages('unbatched-data-change', "DELETE FROM audit_log WHERE created_at < '2020-01-01';"),
    ).toEqual([]);
    const fresh = "CREATE TABLE refunds (id bigint, state text);\nUPDATE refunds SET state = 'open';";
    expect(await messages('unbatched-data-change', fresh)).toEqual([]);
    expect(await messages('unbatched-data-change', 'INSERT INTO refunds SELECT id FROM orders;')).toEqual([]);
  });

  it('rewriting-table-storage reports each rewriting sub-command, indexes and whole tablespaces', async () => {
    const found = await messages(
      'rewriting-table-storage',
      'ALTER TABLE orders SET LOGGED, SET ACCESS METHOD heap, SET (fillfactor = 90);',
    );
    expect(found.map((message) => message.split(' copies')[0])).toEqual([
      'ALTER TABLE orders SET LOGGED',
      'ALTER TABLE orders SET ACCESS METHOD',
    ]);
    expect(await messages('rewriting-table-storage', 'ALTER INDEX orders_pkey SET TABLESPACE fast;')).toEqual(
      [expect.stringMatching(/^ALTER INDEX orders_pkey SET TABLESPACE/)],
    );
    expect(
      await messages('rewriting-table-storage', 'ALTER TABLE ALL IN TABLESPACE slow SET TABLESPACE fast;'),
    ).toHaveLength(1);
    const fresh = 'CREATE TABLE refunds (id bigint);\nALTER TABLE refunds SET UNLOGGED;';
    expect(await messages('rewriting-table-storage', fresh)).toEqual([]);
  });
});
