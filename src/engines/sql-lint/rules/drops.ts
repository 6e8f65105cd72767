import { droppedTables } from '../locks.ts';
import type { Rule } from '../types.ts';
import { alterCommands } from './helpers.ts';

export const dropRules: Rule[] = [
  {
    id: 'ban-drop-column',
    severity: 'error',
    title: 'No dropping a column the running code may use',
    why: 'Code still running (the previous release, workers, reports) that selects or writes the column fails as soon as the drop commits; ORMs that list every column fail on every query of the table.',
    recipe:
      '1. Stop reading and writing the column in the code, and deploy.\n2. Make the column nullable so old writers do not fail.\n3. Drop the column in a later release, once no running code names it.',
    lock: 'ACCESS EXCLUSIVE on the table (brief; no rewrite)',
    examples: {
      unsafe: 'ALTER TABLE users DROP COLUMN legacy_flag;',
      safe: 'ALTER TABLE users ALTER COLUMN legacy_flag DROP NOT NULL;',
    },
    check(context) {
      return alterCommands(context)
        .filter(({ command }) => command.subtype === 'AT_DropColumn')
        .map(({ table, command }) => `dropping ${table}.${command.name} breaks code that still uses it`);
    },
  },
  {
    id: 'ban-drop-table',
    severity: 'error',
    title: 'No dropping a table the running code may use',
    why: 'Every query on the table fails from the moment the drop commits, and its data is gone: there is no rollback after commit.',
    recipe:
      '1. Remove every use of the table from the code and deploy.\n2. Rename it (`ALTER TABLE orders_old RENAME TO orders_old_deprecated`) or revoke access, and watch for errors.\n3. Drop it in a later release, after a backup.',
    lock: 'ACCESS EXCLUSIVE on the table',
    examples: {
      unsafe: 'DROP TABLE orders_archive;',
      safe: 'DROP VIEW orders_summary;',
    },
    check({ statement, isNewTable }) {
      const node = statement.node;
      if (!('DropStmt' in node) || node.DropStmt.removeType !== 'OBJECT_TABLE') return null;
      return droppedTables(node.DropStmt.objects)
        .filter((table) => !isNewTable(table))
        .map((table) => `dropping table ${table} breaks every query on it and loses its data`);
    },
  },
  {
    id: 'ban-drop-database',
    severity: 'error',
    title: 'No dropping a database in a migration',
    why: 'A migration that drops a database destroys everything in it; it is never a schema change the application can survive.',
    recipe: 'Drop databases by hand, after a backup, outside the migration history.',
    lock: 'exclusive use of the database: fails while anyone is connected',
    examples: {
      unsafe: 'DROP DATABASE analytics;',
      safe: 'DROP SCHEMA IF EXISTS scratch;',
    },
    check({ statement }) {
      const node = statement.node;
      return 'DropdbStmt' in node
        ? `dropping database ${node.DropdbStmt.dbname} destroys all its data`
        : null;
    },
  },
  {
    id: 'ban-drop-not-null',
    severity: 'warning',
    title: 'Dropping NOT NULL lets NULLs reach code that assumes none',
    why: 'Once the column may be NULL, new rows can carry NULLs that the running code (and consumers of the data) were written never to see.',
    recipe: 'Make sure every reader handles NULL first, then drop the constraint in a later release.',
    lock: 'ACCESS EXCLUSIVE on the table (brief)',
    examples: {
      unsafe: 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;',
      safe: 'ALTER TABLE users ALTER COLUMN email DROP DEFAULT;',
    },
    check(context) {
      return alterCommands(context)
        .filter(({ command }) => command.subtype === 'AT_DropNotNull')
        .map(
          ({ table, command }) =>
            `${table}.${command.name} may now be NULL: code that assumes it is not will break`,
        );
    },
  },
  {
    id: 'ban-truncate-cascade',
    severity: 'error',
    title: 'No TRUNCATE … CASCADE',
    why: 'CASCADE empties every table that references this one, and those that reference them, under ACCESS EXCLUSIVE: far more data than the statement names is lost.',
    recipe:
      'TRUNCATE the tables you mean, by name, after checking what references them; or DELETE in batches.',
    lock: 'ACCESS EXCLUSIVE on every table reached',
    examples: {
      unsafe: 'TRUNCATE sessions CASCADE;',
      safe: 'TRUNCATE sessions;',
    },
    check({ statement }) {
      const node = statement.node;
      return 'TruncateStmt' in node && node.TruncateStmt.behavior === 'DROP_CASCADE'
        ? 'TRUNCATE … CASCADE also empties every table that references these'
        : null;
    },
  },
];
