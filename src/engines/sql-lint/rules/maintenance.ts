import type { Node, RangeVar } from '@pgsql/types';
import { blockedBy, lockModeNumbered } from '../locks.ts';
import { tableName } from '../nodes.ts';
import { lockModes, type Rule, type RuleContext } from '../types.ts';
import { alterCommands } from './helpers.ts';

/** Whether a VACUUM option list turns FULL on: `FULL`, `(FULL)`, `(FULL true)`, but not `(FULL false)`. */
function fullVacuum(options: Node[] | undefined): boolean {
  return (options ?? []).some((option) => {
    if (!('DefElem' in option) || option.DefElem.defname !== 'full') return false;
    const argument = option.DefElem.arg;
    if (!argument) return true;
    if ('String' in argument) return !['false', 'off', 'no', '0'].includes(argument.String.sval ?? '');
    if ('Integer' in argument) return (argument.Integer.ival ?? 0) !== 0;
    return true;
  });
}

/** The tables a statement names that existed before this file (changing a new one blocks nobody). */
function existingTables(context: RuleContext, relations: (RangeVar | undefined)[]): string[] {
  return relations.map(tableName).filter((table) => !context.isNewTable(table));
}

const weakestReported = lockModes.indexOf('SHARE');

/** ALTER TABLE forms that copy the whole table into new storage. */
const storageRewrites: Record<string, string> = {
  AT_SetTableSpace: 'SET TABLESPACE',
  AT_SetLogged: 'SET LOGGED',
  AT_SetUnLogged: 'SET UNLOGGED',
  AT_SetAccessMethod: 'SET ACCESS METHOD',
};

/** `OBJECT_MATVIEW` → `MATERIALIZED VIEW`, for messages. */
function objectWord(objtype: string | undefined): string {
  if (objtype === 'OBJECT_MATVIEW') return 'MATERIALIZED VIEW';
  return (objtype ?? 'OBJECT_TABLE').replace('OBJECT_', '');
}

export const maintenanceRules: Rule[] = [
  {
    id: 'ban-vacuum-full',
    severity: 'error',
    title: 'No VACUUM FULL in migrations',
    why: 'VACUUM FULL copies the whole table into a new file while holding ACCESS EXCLUSIVE: no query can read or write the table until the copy ends, minutes to hours on a large table, and the disk needs room for a second copy meanwhile.',
    recipe:
      'Plain `VACUUM (ANALYZE) orders;` makes dead space reusable without blocking reads or writes. To give the space back to the operating system, use `pg_repack --table orders`: it rebuilds the table online and takes ACCESS EXCLUSIVE only for a moment at the end.',
    lock: 'ACCESS EXCLUSIVE on the table for the whole rewrite: blocks reads and writes',
    examples: {
      unsafe: 'VACUUM FULL orders;',
      safe: 'VACUUM (ANALYZE) orders;',
    },
    check(context) {
      const node = context.statement.node;
      if (!('VacuumStmt' in node) || !fullVacuum(node.VacuumStmt.options)) return null;
      const relations = (node.VacuumStmt.rels ?? []).flatMap((relation) =>
        'VacuumRelation' in relation ? [relation.VacuumRelation.relation] : [],
      );
      if (relations.length === 0)
        return 'VACUUM FULL of the whole database rewrites every table, each under ACCESS EXCLUSIVE';
      return existingTables(context, relations).map(
        (table) => `VACUUM FULL rewrites ${table} under ACCESS EXCLUSIVE: no reads or writes until it ends`,
      );
    },
  },
  {
    id: 'ban-cluster',
    severity: 'error',
    title: 'No CLUSTER in migrations',
    why: 'CLUSTER rewrites the table in index order while holding ACCESS EXCLUSIVE: no query can read or write it for the whole rewrite, and the disk needs room for a second copy. The order is not kept for rows written afterwards.',
    recipe:
      'Use `pg_repack --table orders --order-by created_at` (or `pg_repack --table orders` for a table with a clustering index): it rebuilds the table online and locks it only for a moment at the end. Marking the index with `ALTER TABLE … CLUSTER ON` is harmless.',
    lock: 'ACCESS EXCLUSIVE on the table for the whole rewrite: blocks reads and writes',
    examples: {
      unsafe: 'CLUSTER orders USING orders_created_at_idx;',
      safe: 'ALTER TABLE orders CLUSTER ON orders_created_at_idx;',
    },
    check(context) {
      const node = context.statement.node;
      if (!('ClusterStmt' in node)) return null;
      if (!node.ClusterStmt.relation)
        return 'CLUSTER without a table rewrites every clustered table of the database, each under ACCESS EXCLUSIVE';
      return existingTables(context, [node.ClusterStmt.relation]).map(
        (table) => `CLUSTER rewrites ${table} under ACCESS EXCLUSIVE: no reads or writes until it ends`,
      );
    },
  },
  {
    id: 'refresh-materialized-view-concurrently',
    severity: 'warning',
    title: 'Refresh materialized views concurrently',
    why: 'REFRESH MATERIALIZED VIEW without CONCURRENTLY holds ACCESS EXCLUSIVE on the view while its whole query runs again: every SELECT from the view waits, for as long as the query takes. `WITH NO DATA` empties the view, and every query on it fails until the next refresh.',
    recipe:
      '1. Once: give the view a unique index on plain columns covering every row, `CREATE UNIQUE INDEX CONCURRENTLY order_totals_key ON order_totals (customer_id);`\n2. `REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;` reads keep working while it runs (it is slower and only writes rows that changed).',
    lock: 'ACCESS EXCLUSIVE on the view for the whole refresh: blocks reads (CONCURRENTLY takes EXCLUSIVE, which lets reads through)',
    versions: 'CONCURRENTLY exists from PostgreSQL 9.4.',
    examples: {
      unsafe: 'REFRESH MATERIALIZED VIEW order_totals;',
      safe: 'REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;',
    },
    check(context) {
      const node = context.statement.node;
      if (!('RefreshMatViewStmt' in node) || node.RefreshMatViewStmt.concurrent) return null;
      const [view] = existingTables(context, [node.RefreshMatViewStmt.relation]);
      if (!view) return null;
      return node.RefreshMatViewStmt.skipData
        ? `REFRESH MATERIALIZED VIEW ${view} WITH NO DATA empties it: queries on it fail until the next refresh`
        : `REFRESH MATERIALIZED VIEW ${view} without CONCURRENTLY blocks reads of it until the refresh ends`;
    },
  },
  {
    id: 'explicit-lock-table',
    severity: 'warning',
    title: 'No explicit table locks of SHARE or stronger',
    why: 'LOCK TABLE in SHARE mode or stronger stops writes (ACCESS EXCLUSIVE: reads too) for the rest of the transaction, and while it waits for the lock every later query on the table queues behind it.',
    recipe:
      'Drop the explicit lock: the statements that follow take the locks they need. When a consistent view is the goal, rely on a single statement or on constraints; when the lock is really needed, set `lock_timeout` first and keep the transaction as short as possible.',
    lock: 'the mode named (default ACCESS EXCLUSIVE) until the end of the transaction',
    examples: {
      unsafe: 'BEGIN;\nLOCK TABLE orders IN SHARE MODE;\nCOMMIT;',
      safe: 'BEGIN;\nLOCK TABLE orders IN ROW EXCLUSIVE MODE;\nCOMMIT;',
    },
    check(context) {
      const node = context.statement.node;
      if (!('LockStmt' in node)) return null;
      const mode = lockModeNumbered(node.LockStmt.mode);
      if (lockModes.indexOf(mode) < weakestReported) return null;
      const relations = (node.LockStmt.relations ?? []).flatMap((relation) =>
        'RangeVar' in relation ? [relation.RangeVar] : [],
      );
      return existingTables(context, relations).map(
        (table) => `LOCK TABLE ${table} IN ${mode} MODE blocks ${blockedBy(mode)} until the transaction ends`,
      );
    },
  },
  {
    id: 'unbatched-data-change',
    severity: 'warning',
    title: 'Change existing rows in batches',
    why: 'An UPDATE or DELETE of a whole table is one transaction: it keeps a row lock on every row it touches until it commits (writers to those rows wait, maybe for minutes), writes a new version of every row (table bloat, WAL, replica lag), and a failure at the end rolls all of it back.',
    recipe:
      "1. Deploy the code that writes the new value for new rows first.\n2. Backfill in batches by primary key range, each in its own transaction: `UPDATE orders SET status = 'open' WHERE id >= 1 AND id < 10001 AND status IS NULL;` commit, pause, move the range on until the highest id.\n3. Run the batches from a script or job outside the schema migration, watching replication lag.",
    lock: 'ROW EXCLUSIVE on the table (reads continue) plus a row lock on every changed row until COMMIT: writes to those rows wait',
    examples: {
      unsafe: "UPDATE orders SET status = 'open';",
      safe: "UPDATE orders SET status = 'open' WHERE id >= 1 AND id < 10001;",
    },
    check(context) {
      const node = context.statement.node;
      const change =
        'UpdateStmt' in node
          ? {
              verb: 'UPDATE',
              relation: node.UpdateStmt.relation,
              filtered: Boolean(node.UpdateStmt.whereClause),
            }
          : 'DeleteStmt' in node
            ? {
                verb: 'DELETE',
                relation: node.DeleteStmt.relation,
                filtered: Boolean(node.DeleteStmt.whereClause),
              }
            : undefined;
      if (!change || change.filtered) return null;
      return existingTables(context, [change.relation]).map(
        (table) =>
          `${change.verb} of every row of ${table} in one transaction: row locks on all of them until COMMIT`,
      );
    },
  },
  {
    id: 'rewriting-table-storage',
    severity: 'error',
    title: 'No storage changes that rewrite a table',
    why: 'SET TABLESPACE, SET LOGGED, SET UNLOGGED and SET ACCESS METHOD copy the whole table (and its indexes) into new storage while holding ACCESS EXCLUSIVE: no query can read or write it until the copy ends. SET LOGGED also writes the whole table to the WAL, so replicas fall behind.',
    recipe:
      'Tablespace: `pg_repack --table orders --tablespace fast_ssd --moveidx` moves it online. Persistence or access method: 1. create the new table with the wanted storage; 2. copy rows in batches by primary key range while a trigger copies new writes; 3. swap the names in one short transaction with `lock_timeout` set; 4. drop the old table in a later migration.',
    lock: 'ACCESS EXCLUSIVE on the table for the whole copy: blocks reads and writes',
    versions: 'SET LOGGED / SET UNLOGGED exist from PostgreSQL 9.5, SET ACCESS METHOD from 15.',
    examples: {
      unsafe: 'ALTER TABLE orders SET TABLESPACE fast_ssd;',
      safe: 'ALTER TABLE orders SET (fillfactor = 90);',
    },
    check(context) {
      const node = context.statement.node;
      if ('AlterTableMoveAllStmt' in node)
        return `ALTER ${objectWord(node.AlterTableMoveAllStmt.objtype)} ALL IN TABLESPACE moves every one of them, each under ACCESS EXCLUSIVE`;
      const object = 'AlterTableStmt' in node ? objectWord(node.AlterTableStmt.objtype) : 'TABLE';
      return alterCommands(context).flatMap(({ table, command }) => {
        const form = storageRewrites[command.subtype ?? ''];
        return form
          ? [
              `ALTER ${object} ${table} ${form} copies it into new storage under ACCESS EXCLUSIVE: no reads or writes until it ends`,
            ]
          : [];
      });
    },
  },
];
