import type { AlterTableCmd, ColumnDef, Constraint, Node } from '@pgsql/types';
import { names, tableName } from '../nodes.ts';
import type { RuleContext } from '../types.ts';

/** The sub-commands of an ALTER TABLE on a table that existed before this file (new tables are safe). */
export function alterCommands(context: RuleContext): { table: string; command: AlterTableCmd }[] {
  const node = context.statement.node;
  if (!('AlterTableStmt' in node)) return [];
  const table = tableName(node.AlterTableStmt.relation);
  if (context.isNewTable(table)) return [];
  return (node.AlterTableStmt.cmds ?? []).flatMap((command) =>
    'AlterTableCmd' in command ? [{ table, command: command.AlterTableCmd }] : [],
  );
}

/** Columns added to an existing table by ALTER TABLE … ADD COLUMN. */
export function addedColumns(context: RuleContext): { table: string; column: ColumnDef }[] {
  return alterCommands(context).flatMap(({ table, command }) =>
    command.subtype === 'AT_AddColumn' && command.def && 'ColumnDef' in command.def
      ? [{ table, column: command.def.ColumnDef }]
      : [],
  );
}

/** Every column a statement declares: in CREATE TABLE and in ALTER TABLE … ADD COLUMN / ALTER TYPE. */
export function declaredColumns(context: RuleContext): { table: string; column: ColumnDef }[] {
  const node = context.statement.node;
  if ('CreateStmt' in node) {
    const table = tableName(node.CreateStmt.relation);
    return (node.CreateStmt.tableElts ?? []).flatMap((element) =>
      'ColumnDef' in element ? [{ table, column: element.ColumnDef }] : [],
    );
  }
  if (!('AlterTableStmt' in node)) return [];
  const table = tableName(node.AlterTableStmt.relation);
  return (node.AlterTableStmt.cmds ?? []).flatMap((command) => {
    const definition = 'AlterTableCmd' in command ? command.AlterTableCmd.def : undefined;
    if (!definition || !('ColumnDef' in definition)) return [];
    const column = definition.ColumnDef;
    // ALTER COLUMN … TYPE carries the column's name on the command, not the definition.
    const name = column.colname ?? ('AlterTableCmd' in command ? command.AlterTableCmd.name : undefined);
    return [{ table, column: { ...column, colname: name } }];
  });
}

/** Constraints added to an existing table by ALTER TABLE … ADD CONSTRAINT. */
export function addedConstraints(context: RuleContext): { table: string; constraint: Constraint }[] {
  return alterCommands(context).flatMap(({ table, command }) =>
    command.subtype === 'AT_AddConstraint' && command.def && 'Constraint' in command.def
      ? [{ table, constraint: command.def.Constraint }]
      : [],
  );
}

/** Whether the statement before this one left a transaction open (for BEGIN / CONCURRENTLY checks). */
export function inTransactionBefore(context: RuleContext): boolean {
  const previous = context.statements[context.statement.index - 1];
  return previous ? previous.inTransaction : context.fileInTransaction;
}

/**
 * Whether an earlier statement of the file left a valid `CHECK (column IS NOT NULL)` on the table:
 * added without NOT VALID, or added NOT VALID and then validated. PostgreSQL 12+ then sets NOT NULL
 * without scanning the table.
 */
export function provenNotNull(context: RuleContext, table: string, column: string | undefined): boolean {
  const valid = new Set<string>();
  const pending = new Set<string>();
  for (const earlier of context.statements.slice(0, context.statement.index)) {
    const node = earlier.node;
    if (!('AlterTableStmt' in node) || tableName(node.AlterTableStmt.relation) !== table) continue;
    for (const item of node.AlterTableStmt.cmds ?? []) {
      if (!('AlterTableCmd' in item)) continue;
      const command = item.AlterTableCmd;
      if (command.subtype === 'AT_ValidateConstraint' && command.name && pending.has(command.name))
        valid.add(command.name);
      const definition = command.def;
      if (command.subtype !== 'AT_AddConstraint' || !definition || !('Constraint' in definition)) continue;
      const constraint = definition.Constraint;
      if (constraint.contype !== 'CONSTR_CHECK' || !checksNotNull(constraint.raw_expr, column)) continue;
      const name = constraint.conname ?? `${table}_${column}_check`;
      (constraint.skip_validation ? pending : valid).add(name);
    }
  }
  return valid.size > 0;
}

function checksNotNull(expression: Node | undefined, column: string | undefined): boolean {
  if (!expression || !('NullTest' in expression)) return false;
  const test = expression.NullTest;
  const argument = test.arg;
  if (test.nulltesttype !== 'IS_NOT_NULL' || !argument || !('ColumnRef' in argument)) return false;
  return names(argument.ColumnRef.fields).at(-1) === column;
}
