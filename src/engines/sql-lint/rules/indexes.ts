import { droppedTables } from '../locks.ts';
import { tableName } from '../nodes.ts';
import type { Rule } from '../types.ts';
import { addedConstraints } from './helpers.ts';

export const indexRules: Rule[] = [
  {
    id: 'require-concurrent-index-creation',
    severity: 'error',
    title: 'Create indexes concurrently',
    why: 'CREATE INDEX holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on the table waits until the index is built, minutes on a large table.',
    recipe:
      'Use `CREATE INDEX CONCURRENTLY` outside a transaction block. If it fails it leaves an INVALID index: drop it (`DROP INDEX CONCURRENTLY`) and run it again.',
    lock: 'SHARE on the table: blocks writes for the whole build',
    examples: {
      unsafe: 'CREATE INDEX orders_customer_idx ON orders (customer_id);',
      safe: 'CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);',
    },
    check({ statement, isNewTable }) {
      const node = statement.node;
      if (!('IndexStmt' in node) || node.IndexStmt.concurrent) return null;
      const table = tableName(node.IndexStmt.relation);
      if (isNewTable(table)) return null;
      return `CREATE INDEX ${node.IndexStmt.idxname ?? ''} on ${table} without CONCURRENTLY blocks writes while it builds`;
    },
  },
  {
    id: 'require-concurrent-index-deletion',
    severity: 'error',
    title: 'Drop indexes concurrently',
    why: "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: it waits behind every running query and blocks all reads and writes queued after it.",
    recipe: 'Use `DROP INDEX CONCURRENTLY IF EXISTS …` outside a transaction block.',
    lock: 'ACCESS EXCLUSIVE on the indexed table: blocks reads and writes',
    examples: {
      unsafe: 'DROP INDEX orders_customer_idx;',
      safe: 'DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;',
    },
    check({ statement }) {
      const node = statement.node;
      if (!('DropStmt' in node) || node.DropStmt.removeType !== 'OBJECT_INDEX' || node.DropStmt.concurrent)
        return null;
      return `DROP INDEX ${droppedTables(node.DropStmt.objects).join(', ')} without CONCURRENTLY locks its table against reads and writes`;
    },
  },
  {
    id: 'ban-concurrent-index-creation-in-transaction',
    severity: 'error',
    title: 'No CONCURRENTLY inside a transaction',
    why: 'PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY inside a transaction block: the migration fails when it runs.',
    recipe:
      'Put the concurrent statement in a migration of its own that the tool runs without a transaction (dbmate: `-- migrate:up transaction:false`; Flyway: `executeInTransaction=false`; golang-migrate: one statement per file).',
    lock: 'none: the statement fails',
    examples: {
      unsafe: 'BEGIN;\nCREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\nCOMMIT;',
      safe: 'CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);',
    },
    check(context) {
      const node = context.statement.node;
      const concurrent =
        ('IndexStmt' in node && node.IndexStmt.concurrent) ||
        ('DropStmt' in node && node.DropStmt.concurrent) ||
        ('ReindexStmt' in node &&
          (node.ReindexStmt.params ?? []).some(
            (option) => 'DefElem' in option && option.DefElem.defname === 'concurrently',
          ));
      return concurrent && context.statement.inTransaction
        ? 'a CONCURRENTLY statement inside a transaction block fails: PostgreSQL does not allow it'
        : null;
    },
  },
  {
    id: 'disallowed-unique-constraint',
    severity: 'error',
    title: 'Add unique constraints from an existing index',
    why: 'ADD CONSTRAINT … UNIQUE builds its index while holding ACCESS EXCLUSIVE: the table can be neither read nor written until the build ends.',
    recipe:
      '1. `CREATE UNIQUE INDEX CONCURRENTLY orders_number_key ON orders (number);`\n2. `ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_key;` (instant).',
    lock: 'ACCESS EXCLUSIVE on the table while the index builds: blocks reads and writes',
    examples: {
      unsafe: 'ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE (number);',
      safe: 'ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_key;',
    },
    check(context) {
      return addedConstraints(context)
        .filter(({ constraint }) => constraint.contype === 'CONSTR_UNIQUE' && !constraint.indexname)
        .map(({ table }) => `UNIQUE constraint on ${table} builds its index under ACCESS EXCLUSIVE`);
    },
  },
  {
    id: 'reindex-without-concurrently',
    severity: 'error',
    title: 'Rebuild indexes concurrently',
    why: 'REINDEX blocks writes to the table and every query that would use the index for the whole rebuild.',
    recipe: 'Use `REINDEX INDEX CONCURRENTLY …` (PostgreSQL 12+), outside a transaction block.',
    lock: 'SHARE on the table and ACCESS EXCLUSIVE on the index: blocks writes and reads that use it',
    versions:
      'REINDEX CONCURRENTLY exists from PostgreSQL 12; before, build a new index concurrently and drop the old one.',
    examples: {
      unsafe: 'REINDEX INDEX orders_customer_idx;',
      safe: 'REINDEX INDEX CONCURRENTLY orders_customer_idx;',
    },
    check({ statement, pgVersion }) {
      const node = statement.node;
      if (!('ReindexStmt' in node)) return null;
      const concurrently = (node.ReindexStmt.params ?? []).some(
        (option) => 'DefElem' in option && option.DefElem.defname === 'concurrently',
      );
      if (concurrently) return null;
      return pgVersion >= 12
        ? 'REINDEX without CONCURRENTLY blocks writes for the whole rebuild'
        : 'REINDEX blocks writes for the whole rebuild (before PostgreSQL 12: build a new index concurrently and swap)';
    },
  },
];
