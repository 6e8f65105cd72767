import type { AlterTableCmd, ColumnDef, Constraint } from '@pgsql/types';
import { tableName } from '../nodes.ts';
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
