import type { Node } from '@pgsql/types';
import { droppedTables, locksOf } from '../locks.ts';
import { kindOf, names, tableName, visit } from '../nodes.ts';
import { type LockEffect, lockModes, type Rule, type RuleContext, type Statement } from '../types.ts';
import { inTransactionBefore } from './helpers.ts';

/** From SHARE UPDATE EXCLUSIVE up, a waiting lock makes other sessions queue behind it. */
const queueingFrom = lockModes.indexOf('SHARE UPDATE EXCLUSIVE');

/** The locks a statement takes on tables that existed before the file, strong enough to queue others. */
function queueingLocks(node: Node, pgVersion: number, isNewTable: (name: string) => boolean): LockEffect[] {
  return locksOf(node, pgVersion).filter(
    (lock) => lockModes.indexOf(lock.mode) >= queueingFrom && !isNewTable(lock.table),
  );
}

interface Timeouts {
  lockTimeout: boolean;
  statementTimeout: boolean;
}

function missingTimeouts(timeouts: Timeouts): string[] {
  return [
    ...(timeouts.lockTimeout ? [] : ['lock_timeout']),
    ...(timeouts.statementTimeout ? [] : ['statement_timeout']),
  ];
}

/** Follows the file the way the linter does: tables created so far, timeouts set so far. */
function follow(node: Node, created: Set<string>, timeouts: Timeouts): void {
  if ('CreateStmt' in node) created.add(tableName(node.CreateStmt.relation));
  if ('CreateTableAsStmt' in node) created.add(tableName(node.CreateTableAsStmt.into?.rel));
  if (!('VariableSetStmt' in node)) return;
  const { name, kind } = node.VariableSetStmt;
  if (name === 'lock_timeout') timeouts.lockTimeout = kind === 'VAR_SET_VALUE';
  if (name === 'statement_timeout') timeouts.statementTimeout = kind === 'VAR_SET_VALUE';
  if (kind === 'VAR_RESET_ALL') Object.assign(timeouts, { lockTimeout: false, statementTimeout: false });
}

/** Whether an earlier statement already took a queueing lock without both timeouts: one finding per file. */
function unguardedEarlier(context: RuleContext): boolean {
  const created = new Set<string>();
  const timeouts: Timeouts = { lockTimeout: false, statementTimeout: false };
  for (const earlier of context.statements.slice(0, context.statement.index)) {
    const unguarded = missingTimeouts(timeouts).length > 0;
    if (unguarded && queueingLocks(earlier.node, context.pgVersion, (name) => created.has(name)).length > 0)
      return true;
    follow(earlier.node, created, timeouts);
  }
  return false;
}

function opensTransaction(node: Node): boolean {
  return (
    'TransactionStmt' in node &&
    (node.TransactionStmt.kind === 'TRANS_STMT_BEGIN' || node.TransactionStmt.kind === 'TRANS_STMT_START')
  );
}

function closesTransaction(node: Node): boolean {
  return (
    'TransactionStmt' in node &&
    (node.TransactionStmt.kind === 'TRANS_STMT_COMMIT' ||
      node.TransactionStmt.kind === 'TRANS_STMT_ROLLBACK' ||
      node.TransactionStmt.kind === 'TRANS_STMT_PREPARE')
  );
}

/** The statements that share the current statement's transaction block, before and after it. */
function sameTransaction(context: RuleContext): { before: Statement[]; after: Statement[] } {
  const { statements, statement } = context;
  const before: Statement[] = [];
  const after: Statement[] = [];
  if (!statement.inTransaction) return { before, after };
  for (let index = statement.index - 1; index >= 0; index--) {
    const earlier = statements[index];
    if (!earlier?.inTransaction || closesTransaction(earlier.node)) break;
    before.unshift(earlier);
    if (opensTransaction(earlier.node)) break;
  }
  for (const later of statements.slice(statement.index + 1)) {
    if (!later.inTransaction || closesTransaction(later.node)) break;
    after.push(later);
  }
  return { before, after };
}

/** Whether a statement mentions a string literal, e.g. a new enum value. */
function mentions(node: Node, literal: string): boolean {
  let found = false;
  visit(node, (child) => {
    if ('A_Const' in child && child.A_Const.sval?.sval === literal) found = true;
  });
  return found;
}

/** What a DROP names, for messages: `DROP TABLE a, b` or `DROP TYPE`. */
function dropTarget(node: Node): string {
  if (!('DropStmt' in node)) return kindOf(node);
  const kind = (node.DropStmt.removeType ?? 'OBJECT_TABLE').replace('OBJECT_', '').replace('_', ' ');
  const targets = droppedTables(node.DropStmt.objects).join(', ');
  return `DROP ${kind}${targets ? ` ${targets}` : ''}`;
}

/** ALTER TABLE sub-commands that have an IF [NOT] EXISTS form, and the words for it. */
const robustAlterForms: Record<string, string> = {
  AT_AddColumn: 'ADD COLUMN … without IF NOT EXISTS',
  AT_DropColumn: 'DROP COLUMN … without IF EXISTS',
  AT_DropConstraint: 'DROP CONSTRAINT … without IF EXISTS',
};

function fragileAlterCommands(node: Node): string[] {
  if (!('AlterTableStmt' in node)) return [];
  const table = tableName(node.AlterTableStmt.relation);
  return (node.AlterTableStmt.cmds ?? []).flatMap((command) => {
    if (!('AlterTableCmd' in command) || command.AlterTableCmd.missing_ok) return [];
    const form = robustAlterForms[command.AlterTableCmd.subtype ?? ''];
    // DROP names its column or constraint on the command; ADD COLUMN in its definition.
    const subject = command.AlterTableCmd.name ?? columnName(command.AlterTableCmd.def);
    return form ? [`ALTER TABLE ${table} ${form.replace('…', subject)}`] : [];
  });
}

function columnName(definition: Node | undefined): string {
  return definition && 'ColumnDef' in definition ? (definition.ColumnDef.colname ?? '?') : '?';
}

/** The statements of a file that fail when the file is run a second time, and why. */
function fragileStatements(node: Node): string[] {
  if ('CreateStmt' in node && !node.CreateStmt.if_not_exists)
    return [`CREATE TABLE ${tableName(node.CreateStmt.relation)} without IF NOT EXISTS`];
  if ('IndexStmt' in node && !node.IndexStmt.if_not_exists)
    return [
      node.IndexStmt.idxname
        ? `CREATE INDEX ${node.IndexStmt.idxname} without IF NOT EXISTS`
        : `CREATE INDEX without a name on ${tableName(node.IndexStmt.relation)} (a second run adds a second index)`,
    ];
  if ('DropStmt' in node && !node.DropStmt.missing_ok) return [`${dropTarget(node)} without IF EXISTS`];
  return fragileAlterCommands(node);
}

export const transactionRules: Rule[] = [
  {
    id: 'require-timeout-settings',
    severity: 'warning',
    title: 'Set lock_timeout and statement_timeout before taking strong locks',
    why: 'A statement waiting for a lock joins the lock queue, and every query on the table queues behind it: an ALTER TABLE stuck behind one long report query stops all reads and writes of the table until the report ends. Without lock_timeout it waits indefinitely; without statement_timeout a slow one holds its lock indefinitely.',
    recipe:
      "1. Start the file with `SET lock_timeout = '2s';` and `SET statement_timeout = '5min';` (or `SET LOCAL …` inside a transaction).\n2. When the lock is not granted in time the migration fails instead of blocking the app: retry it (a migration runner can retry with backoff).",
    lock: 'any lock from SHARE UPDATE EXCLUSIVE up on an existing table: while it waits, later queries on the table wait behind it',
    examples: {
      unsafe: 'ALTER TABLE orders ADD COLUMN note text;',
      safe: "SET lock_timeout = '2s';\nSET statement_timeout = '5min';\nALTER TABLE orders ADD COLUMN note text;",
    },
    check(context) {
      const missing = missingTimeouts(context.timeoutsSet);
      if (missing.length === 0) return null;
      const [lock] = queueingLocks(context.statement.node, context.pgVersion, context.isNewTable);
      if (!lock || unguardedEarlier(context)) return null;
      return `${kindOf(context.statement.node)} takes ${lock.mode} on ${lock.table} with no ${missing.join(' and no ')} set before it: while it waits for the lock, every query on ${lock.table} waits behind it`;
    },
  },
  {
    id: 'transaction-nesting',
    severity: 'warning',
    title: 'No BEGIN inside a transaction, no COMMIT outside one',
    why: 'PostgreSQL has no nested transactions: a BEGIN inside one is ignored with a warning, so the first COMMIT commits everything and what follows runs without a transaction, and a failure half-way leaves the schema half-changed. In a file the migration tool already wraps in a transaction, a COMMIT ends the tool’s transaction early.',
    recipe:
      'Let one party own the transaction: either the migration tool (remove BEGIN/COMMIT from the file) or the file (tell the tool not to wrap it, e.g. dbmate `-- migrate:up transaction:false`). Use `SAVEPOINT` for a partial rollback inside a transaction.',
    lock: 'none: the problem is which statements share a transaction',
    examples: {
      unsafe:
        'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nBEGIN;\nALTER TABLE orders ADD COLUMN tag text;\nCOMMIT;',
      safe: 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders ADD COLUMN tag text;\nCOMMIT;',
    },
    check(context) {
      const node = context.statement.node;
      const open = inTransactionBefore(context);
      if (opensTransaction(node) && open)
        return context.fileInTransaction
          ? 'BEGIN inside the transaction the migration tool opens for this file: PostgreSQL ignores it, and its COMMIT ends the tool’s transaction'
          : 'BEGIN while a transaction is already open: PostgreSQL ignores it, and the first COMMIT ends the outer transaction';
      if (!closesTransaction(node)) return null;
      if (!open)
        return 'COMMIT or ROLLBACK with no transaction open: it does nothing, and the statements before it ran without a transaction';
      return context.fileInTransaction
        ? 'COMMIT or ROLLBACK ends the transaction the migration tool opens for this file: what follows runs without one'
        : null;
    },
  },
  {
    id: 'adding-enum-value-in-transaction',
    severity: 'error',
    title: 'Add enum values outside a transaction, or commit before using them',
    why: 'Before PostgreSQL 12, `ALTER TYPE … ADD VALUE` inside a transaction block fails, so the migration fails. From 12 it runs, but the new value cannot be used until the transaction commits: a later statement of the same transaction that uses it fails with "unsafe use of new value".',
    recipe:
      "1. Add the value in a migration of its own, or at least commit before using it: `ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';` (before PostgreSQL 12: in a file the tool runs without a transaction).\n2. Use the value (backfills, defaults, CHECKs) in a later transaction or migration.",
    lock: 'ACCESS EXCLUSIVE on the type for an instant; the failure is the problem, not the lock',
    versions:
      'Before PostgreSQL 12 ADD VALUE is refused inside a transaction block (unless the enum was created in the same transaction). From 12 it is allowed, but the new value is unusable until COMMIT.',
    examples: {
      unsafe:
        "BEGIN;\nALTER TYPE order_status ADD VALUE 'refunded';\nUPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL;\nCOMMIT;",
      safe: "BEGIN;\nALTER TYPE order_status ADD VALUE 'refunded';\nCOMMIT;\nUPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL;",
    },
    check(context) {
      const node = context.statement.node;
      if (!('AlterEnumStmt' in node) || node.AlterEnumStmt.oldVal || !node.AlterEnumStmt.newVal) return null;
      if (!context.statement.inTransaction) return null;
      const type = names(node.AlterEnumStmt.typeName).join('.');
      const value = node.AlterEnumStmt.newVal;
      const { before, after } = sameTransaction(context);
      // An enum created in the same transaction has no committed rows or indexes that could see the value.
      const createdHere = before.some(
        ({ node: earlier }) =>
          'CreateEnumStmt' in earlier && names(earlier.CreateEnumStmt.typeName).join('.') === type,
      );
      if (createdHere) return null;
      if (context.pgVersion < 12)
        return `ALTER TYPE ${type} ADD VALUE '${value}' inside a transaction block fails before PostgreSQL 12`;
      const use = after.find((later) => mentions(later.node, value));
      return use
        ? `'${value}' is added to ${type} and used at line ${use.line} before COMMIT: PostgreSQL refuses a new enum value until its transaction commits`
        : null;
    },
  },
  {
    id: 'prefer-robust-stmts',
    severity: 'warning',
    title: 'Make statements re-runnable when the file has no transaction',
    why: 'A file run without a transaction can stop half-way (a lock timeout, a failed CONCURRENTLY build). What it did stays done, so running it again fails on the first statement that already took effect, and the migration is stuck until someone edits the database by hand.',
    recipe:
      'Write every statement so a second run is a no-op: `CREATE TABLE IF NOT EXISTS`, `CREATE INDEX CONCURRENTLY IF NOT EXISTS <name>`, `ALTER TABLE … ADD COLUMN IF NOT EXISTS`, `DROP … IF EXISTS`, `ALTER TABLE … DROP CONSTRAINT IF EXISTS` before re-adding a constraint. Or run the file in a transaction when nothing in it needs to run outside one.',
    lock: 'none: the problem is re-running a half-applied file',
    examples: {
      unsafe: 'CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);',
      safe: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);',
    },
    check({ statement }) {
      if (statement.inTransaction) return null;
      return fragileStatements(statement.node).map(
        (fragile) => `${fragile}: a second run of this half-applied file fails here`,
      );
    },
  },
];
