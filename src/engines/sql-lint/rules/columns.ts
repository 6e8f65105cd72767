import { defaultOf, hasConstraint, tableName, typeNameOf, volatilityOf } from '../nodes.ts';
import type { Rule } from '../types.ts';
import { addedColumns, alterCommands, provenNotNull } from './helpers.ts';

const serialTypes = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);

export const columnRules: Rule[] = [
  {
    id: 'adding-required-field',
    severity: 'error',
    title: 'No NOT NULL column without a default',
    why: 'Adding a NOT NULL column with no default fails on any table that has rows, and once it exists every INSERT from the running application (which does not know the column) fails.',
    recipe:
      '1. Add the column nullable (or with a constant default): `ALTER TABLE users ADD COLUMN plan text;`\n2. Deploy code that writes it.\n3. Backfill existing rows in batches.\n4. `ALTER TABLE users ADD CONSTRAINT users_plan_not_null CHECK (plan IS NOT NULL) NOT VALID;` then `VALIDATE CONSTRAINT`.\n5. `ALTER TABLE users ALTER COLUMN plan SET NOT NULL;` (PostgreSQL 12+ uses the valid CHECK and skips the scan), then drop the CHECK.',
    lock: 'ACCESS EXCLUSIVE on the table: blocks reads and writes',
    examples: {
      unsafe: 'ALTER TABLE users ADD COLUMN plan text NOT NULL;',
      safe: "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
    },
    check(context) {
      return addedColumns(context)
        .filter(
          ({ column }) =>
            hasConstraint(column, 'CONSTR_NOTNULL') &&
            !defaultOf(column) &&
            !hasConstraint(column, 'CONSTR_GENERATED') &&
            !hasConstraint(column, 'CONSTR_IDENTITY') &&
            !serialTypes.has(typeNameOf(column.typeName)),
        )
        .map(({ table, column }) => `${table}.${column.colname} is added NOT NULL without a default`);
    },
  },
  {
    id: 'adding-field-with-default',
    severity: 'error',
    title: 'No column with a default that rewrites the table',
    why: 'A default that is volatile (random(), gen_random_uuid(), clock_timestamp(), nextval()), or any default before PostgreSQL 11, makes PostgreSQL write every row again under ACCESS EXCLUSIVE: reads and writes stop for as long as the rewrite takes.',
    recipe:
      '1. Add the column without a default (or with a constant one).\n2. `ALTER TABLE … ALTER COLUMN … SET DEFAULT …` (applies to new rows only, instant).\n3. Backfill existing rows in batches with UPDATE … WHERE id BETWEEN ….',
    lock: 'ACCESS EXCLUSIVE on the table for the whole rewrite: blocks reads and writes',
    versions:
      'From PostgreSQL 11 a non-volatile default is stored once in the catalogue and no longer rewrites the table.',
    examples: {
      unsafe: 'ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();',
      safe: "ALTER TABLE orders ADD COLUMN status text DEFAULT 'open';",
    },
    check(context) {
      return addedColumns(context).flatMap(({ table, column }) => {
        const fill = defaultOf(column);
        if (!fill) return [];
        const volatility = volatilityOf(fill);
        const name = `${table}.${column.colname}`;
        if (context.pgVersion < 11)
          return [`${name} has a default: before PostgreSQL 11 that rewrites the table`];
        if (volatility === 'volatile') return [`${name} has a volatile default: every row is rewritten`];
        if (volatility === 'unknown')
          return [
            `${name} has a default calling a function that may be volatile: if it is, every row is rewritten`,
          ];
        return [];
      });
    },
  },
  {
    id: 'adding-not-nullable-field',
    severity: 'error',
    title: 'No SET NOT NULL scan under an exclusive lock',
    why: 'ALTER COLUMN … SET NOT NULL reads the whole table to check for NULLs while holding ACCESS EXCLUSIVE: nothing can read or write the table until it is done.',
    recipe:
      '1. `ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;`\n2. `ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;` (SHARE UPDATE EXCLUSIVE: reads and writes continue)\n3. `ALTER TABLE users ALTER COLUMN email SET NOT NULL;` (PostgreSQL 12+ sees the valid CHECK and skips the scan)\n4. `ALTER TABLE users DROP CONSTRAINT users_email_not_null;`',
    lock: 'ACCESS EXCLUSIVE on the table during a full scan: blocks reads and writes',
    versions:
      'From PostgreSQL 12, SET NOT NULL skips the scan when a valid CHECK (col IS NOT NULL) constraint exists.',
    examples: {
      unsafe: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      safe: 'ALTER TABLE users ALTER COLUMN email DROP DEFAULT;',
    },
    check(context) {
      return alterCommands(context)
        .filter(({ command }) => command.subtype === 'AT_SetNotNull')
        .filter(
          ({ table, command }) => !(context.pgVersion >= 12 && provenNotNull(context, table, command.name)),
        )
        .map(
          ({ table, command }) =>
            `SET NOT NULL on ${table}.${command.name} scans the table under ACCESS EXCLUSIVE`,
        );
    },
  },
  {
    id: 'changing-column-type',
    severity: 'error',
    title: 'No column type change on a live table',
    why: 'ALTER COLUMN … TYPE rewrites the table and every index on the column under ACCESS EXCLUSIVE (except a few binary-compatible changes such as varchar → text), and code still reading the old type may break.',
    recipe:
      '1. Add a new column of the new type.\n2. Write both columns from the application (or a trigger).\n3. Backfill the new column in batches.\n4. Switch reads to the new column, then stop writing the old one.\n5. Drop the old column in a later release.',
    lock: 'ACCESS EXCLUSIVE on the table for the rewrite: blocks reads and writes',
    examples: {
      unsafe: 'ALTER TABLE orders ALTER COLUMN amount TYPE bigint;',
      safe: 'ALTER TABLE orders ALTER COLUMN amount SET STATISTICS 500;',
    },
    check(context) {
      return alterCommands(context)
        .filter(({ command }) => command.subtype === 'AT_AlterColumnType')
        .map(
          ({ table, command }) =>
            `changing the type of ${table}.${command.name} rewrites the table and breaks code using the old type`,
        );
    },
  },
  {
    id: 'renaming-column',
    severity: 'error',
    title: 'No column rename under a running application',
    why: 'The running application still queries the old name: every query that names it fails from the moment the migration commits until the new code is deployed everywhere.',
    recipe:
      '1. Add the new column.\n2. Write both columns (application or trigger) and backfill.\n3. Switch reads to the new column.\n4. Drop the old column in a later release. Or, where a view layer exists, rename behind a view.',
    lock: 'ACCESS EXCLUSIVE on the table (brief)',
    examples: {
      unsafe: 'ALTER TABLE users RENAME COLUMN email TO email_address;',
      safe: 'ALTER TABLE users ADD COLUMN email_address text;',
    },
    check({ statement, isNewTable }) {
      const node = statement.node;
      if (!('RenameStmt' in node) || node.RenameStmt.renameType !== 'OBJECT_COLUMN') return null;
      const table = tableName(node.RenameStmt.relation);
      if (isNewTable(table)) return null;
      return `renaming ${table}.${node.RenameStmt.subname} to ${node.RenameStmt.newname} breaks code that still uses the old name`;
    },
  },
  {
    id: 'renaming-table',
    severity: 'error',
    title: 'No table rename under a running application',
    why: 'Every query of the running application that names the table fails from the moment the rename commits.',
    recipe:
      '1. Create the new table (or rename and leave a view with the old name: `CREATE VIEW old_name AS SELECT * FROM new_name;`, simple views are updatable).\n2. Move the code to the new name.\n3. Drop the view in a later release.',
    lock: 'ACCESS EXCLUSIVE on the table (brief)',
    examples: {
      unsafe: 'ALTER TABLE customers RENAME TO clients;',
      safe: 'ALTER INDEX customers_email_idx RENAME TO customers_email_key;',
    },
    check({ statement, isNewTable }) {
      const node = statement.node;
      if (!('RenameStmt' in node) || node.RenameStmt.renameType !== 'OBJECT_TABLE') return null;
      const table = tableName(node.RenameStmt.relation);
      if (isNewTable(table)) return null;
      return `renaming table ${table} to ${node.RenameStmt.newname} breaks every query that names it`;
    },
  },
  {
    id: 'adding-serial-primary-key-field',
    severity: 'error',
    title: 'No primary key built under an exclusive lock',
    why: 'Adding a PRIMARY KEY (or a serial/identity column) to an existing table builds a unique index, and for serial columns fills every row, while holding ACCESS EXCLUSIVE.',
    recipe:
      '1. `CREATE UNIQUE INDEX CONCURRENTLY items_pkey_idx ON items (id);`\n2. `ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey_idx;` (instant once the column is NOT NULL).',
    lock: 'ACCESS EXCLUSIVE on the table while the index builds: blocks reads and writes',
    examples: {
      unsafe: 'ALTER TABLE items ADD PRIMARY KEY (id);',
      safe: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey_idx;',
    },
    check(context) {
      const messages: string[] = [];
      for (const { table, command } of alterCommands(context)) {
        const definition = command.def;
        if (command.subtype === 'AT_AddConstraint' && definition && 'Constraint' in definition) {
          const constraint = definition.Constraint;
          if (constraint.contype === 'CONSTR_PRIMARY' && !constraint.indexname)
            messages.push(`PRIMARY KEY on ${table} builds its index under ACCESS EXCLUSIVE`);
        }
        if (command.subtype === 'AT_AddColumn' && definition && 'ColumnDef' in definition) {
          const column = definition.ColumnDef;
          if (hasConstraint(column, 'CONSTR_PRIMARY'))
            messages.push(
              `${table}.${column.colname} is added as PRIMARY KEY: the index builds under ACCESS EXCLUSIVE`,
            );
        }
      }
      return messages;
    },
  },
  {
    id: 'adding-generated-stored-column',
    severity: 'error',
    title: 'No stored generated or identity column on an existing table',
    why: 'A GENERATED … STORED column, an identity column or a serial column added to an existing table is computed for every row in a rewrite under ACCESS EXCLUSIVE.',
    recipe:
      '1. Add a plain nullable column.\n2. Fill it for new rows (trigger or application) and backfill old rows in batches.\n3. For identity: `ALTER TABLE … ALTER COLUMN … ADD GENERATED BY DEFAULT AS IDENTITY` once filled, setting the sequence past the maximum.',
    lock: 'ACCESS EXCLUSIVE on the table for the rewrite: blocks reads and writes',
    examples: {
      unsafe:
        "ALTER TABLE people ADD COLUMN full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED;",
      safe: 'ALTER TABLE people ADD COLUMN full_name text;',
    },
    check(context) {
      return addedColumns(context)
        .filter(
          ({ column }) =>
            hasConstraint(column, 'CONSTR_GENERATED') ||
            hasConstraint(column, 'CONSTR_IDENTITY') ||
            serialTypes.has(typeNameOf(column.typeName)),
        )
        .map(
          ({ table, column }) =>
            `${table}.${column.colname} is computed for every existing row in a table rewrite`,
        );
    },
  },
];
