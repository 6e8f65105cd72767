import { describe, expect, it } from 'vitest';
import { lintMigrations } from '../index.ts';

async function messages(ruleId: string, sql: string, pgVersion = 16): Promise<string[]> {
  const report = await lintMigrations([{ path: 'm.sql', sql }], { pgVersion });
  expect(report.files[0]?.parseError).toBeNull();
  return (report.files[0]?.findings ?? [])
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => finding.message);
}

describe('column type rules', () => {
  it('report one finding per column, naming the table, the column and the type', async () => {
    const found = await messages(
      'prefer-bigint-over-int',
      'CREATE TABLE orders (id serial, quantity int, total integer, code int4, ref bigint);',
    );
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(/^orders\.id is serial:/);
    expect(found[1]).toMatch(/^orders\.quantity is integer:/);
    expect(found[2]).toMatch(/^orders\.total is integer:/);
    expect(found[3]).toMatch(/^orders\.code is integer:/);
  });

  it('judge columns of a table created earlier in the same file: types outlive the migration', async () => {
    const sql = 'CREATE TABLE events (id bigint);\nALTER TABLE events ADD COLUMN happened_at timestamp;';
    expect(await messages('prefer-timestamptz', sql)).toEqual([
      'events.happened_at is timestamp: it loses the time zone; use timestamptz',
    ]);
  });

  it('judge the new type of ALTER COLUMN … TYPE, with its length', async () => {
    const found = await messages(
      'prefer-text-field',
      'ALTER TABLE customers ALTER COLUMN name TYPE varchar(80);',
    );
    expect(found).toEqual([
      'customers.name is varchar(80): declare text and enforce the length with a CHECK constraint',
    ]);
  });

  it('leave varchar without a length, timestamptz and the one-byte "char" alone', async () => {
    const sql =
      'CREATE TABLE t (a varchar, b timestamp with time zone, c "char", d text, e character varying);';
    expect(await messages('prefer-text-field', sql)).toEqual([]);
    expect(await messages('prefer-timestamptz', sql)).toEqual([]);
    expect(await messages('ban-char-field', sql)).toEqual([]);
  });

  it('report char(n), character and bpchar, and array columns by their element type', async () => {
    const found = await messages(
      'ban-char-field',
      'CREATE TABLE t (a char(3), b character, c bpchar, d char(2)[]);',
    );
    expect(found.map((message) => message.split(':')[0])).toEqual([
      't.a is char(3)',
      't.b is char(1)',
      't.c is char',
      't.d is char(2)[]',
    ]);
    expect(await messages('prefer-bigint-over-int', 'ALTER TABLE t ADD COLUMN ids int[];')).toEqual([
      't.ids is integer[]: it runs out at 2,147,483,647; use bigint',
    ]);
  });

  it('tell smallint from integer from bigint and serial from identity', async () => {
    const sql = 'CREATE TABLE t (a smallserial, b int2, c bigserial, d bigint GENERATED ALWAYS AS IDENTITY);';
    expect(await messages('prefer-bigint-over-smallint', sql)).toHaveLength(2);
    expect(await messages('prefer-bigint-over-int', sql)).toEqual([]);
    const identity = await messages('prefer-identity', sql);
    expect(identity.map((message) => message.split(':')[0])).toEqual([
      't.a is smallserial',
      't.c is bigserial',
    ]);
  });

  it('accept serial before PostgreSQL 10, which has no identity columns', async () => {
    const sql = 'CREATE TABLE t (id bigserial PRIMARY KEY);';
    expect(await messages('prefer-identity', sql, 9)).toEqual([]);
    expect(await messages('prefer-identity', sql, 10)).toHaveLength(1);
  });
});
