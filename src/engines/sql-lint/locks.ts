import type { AlterTableCmd, AlterTableStmt, Node, RangeVar } from '@pgsql/types';
import { defaultOf, hasConstraint, tableName, typeNameOf, volatilityOf } from './nodes.ts';
import { type Blocks, type LockEffect, type LockMode, lockModes } from './types.ts';

/** What each lock mode stops other sessions from doing (PostgreSQL's conflict table, in words). */
export function blockedBy(mode: LockMode): Blocks {
  if (mode === 'ACCESS EXCLUSIVE') return 'reads and writes';
  if (mode === 'EXCLUSIVE' || mode === 'SHARE ROW EXCLUSIVE' || mode === 'SHARE') return 'writes';
  if (mode === 'SHARE UPDATE EXCLUSIVE') return 'schema changes and vacuum';
  return 'nothing';
}

export function strongest(a: LockMode, b: LockMode): LockMode {
  return lockModes.indexOf(a) >= lockModes.indexOf(b) ? a : b;
}

/** `LOCK TABLE … IN <mode>`: the parser numbers modes 1 (ACCESS SHARE) to 8 (ACCESS EXCLUSIVE). */
export function lockModeNumbered(mode: number | undefined): LockMode {
  return lockModes[(mode ?? 8) - 1] ?? 'ACCESS EXCLUSIVE';
}

interface Work {
  mode: LockMode;
  rewrite?: boolean;
  scan?: boolean;
}

function effect(relation: RangeVar | undefined, work: Work): LockEffect {
  return {
    table: tableName(relation),
    mode: work.mode,
    blocks: blockedBy(work.mode),
    rewrite: work.rewrite ?? false,
    scan: work.scan ?? false,
  };
}

/** ALTER TABLE sub-commands that take less than ACCESS EXCLUSIVE (PostgreSQL's ALTER TABLE page). */
const lighterAlterLocks: Partial<Record<NonNullable<AlterTableCmd['subtype']>, LockMode>> = {
  AT_SetStatistics: 'SHARE UPDATE EXCLUSIVE',
  AT_ClusterOn: 'SHARE UPDATE EXCLUSIVE',
  AT_DropCluster: 'SHARE UPDATE EXCLUSIVE',
  AT_SetRelOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_ResetRelOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_ValidateConstraint: 'SHARE UPDATE EXCLUSIVE',
  AT_AttachPartition: 'SHARE UPDATE EXCLUSIVE',
  AT_EnableTrig: 'SHARE ROW EXCLUSIVE',
  AT_EnableAlwaysTrig: 'SHARE ROW EXCLUSIVE',
  AT_EnableReplicaTrig: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrig: 'SHARE ROW EXCLUSIVE',
  AT_EnableTrigAll: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrigAll: 'SHARE ROW EXCLUSIVE',
  AT_EnableTrigUser: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrigUser: 'SHARE ROW EXCLUSIVE',
};

/** Types a column can change to without a rewrite when it was text-like (binary-coercible). */
const textLike = new Set(['text', 'varchar']);

/** The lock, rewrite and scan of one ALTER TABLE sub-command on an existing table. */
export function alterCommandWork(command: AlterTableCmd, pgVersion: number): Work {
  const subtype = command.subtype;
  const lighter = subtype ? lighterAlterLocks[subtype] : undefined;
  if (subtype === 'AT_ValidateConstraint') return { mode: 'SHARE UPDATE EXCLUSIVE', scan: true };
  if (lighter) return { mode: lighter };
  const definition = command.def;
  if (subtype === 'AT_AddColumn' && definition && 'ColumnDef' in definition) {
    const column = definition.ColumnDef;
    const fill = defaultOf(column);
    const generatedStored = hasConstraint(column, 'CONSTR_GENERATED');
    const rewrite =
      generatedStored ||
      hasConstraint(column, 'CONSTR_IDENTITY') ||
      ['serial', 'bigserial', 'smallserial', 'serial4', 'serial8', 'serial2'].includes(
        typeNameOf(column.typeName),
      ) ||
      (fill !== undefined && (pgVersion < 11 || volatilityOf(fill) !== 'constant'));
    const scan =
      hasConstraint(column, 'CONSTR_CHECK') ||
      hasConstraint(column, 'CONSTR_PRIMARY') ||
      hasConstraint(column, 'CONSTR_UNIQUE');
    return { mode: 'ACCESS EXCLUSIVE', rewrite, scan: scan || rewrite };
  }
  if (subtype === 'AT_AlterColumnType' && definition && 'ColumnDef' in definition) {
    const target = typeNameOf(definition.ColumnDef.typeName);
    const relaxed = textLike.has(target) && !definition.ColumnDef.typeName?.typmods?.length;
    return { mode: 'ACCESS EXCLUSIVE', rewrite: !relaxed, scan: !relaxed };
  }
  if (subtype === 'AT_SetNotNull') return { mode: 'ACCESS EXCLUSIVE', scan: true };
  if (subtype === 'AT_AddConstraint' && definition && 'Constraint' in definition) {
    const constraint = definition.Constraint;
    if (constraint.contype === 'CONSTR_FOREIGN')
      return { mode: 'SHARE ROW EXCLUSIVE', scan: !constraint.skip_validation };
    if (constraint.contype === 'CONSTR_CHECK')
      return { mode: 'ACCESS EXCLUSIVE', scan: !constraint.skip_validation };
    const buildsIndex = ['CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_EXCLUSION'].includes(
      constraint.contype ?? '',
    );
    return { mode: 'ACCESS EXCLUSIVE', scan: buildsIndex && !constraint.indexname };
  }
  if (['AT_SetTableSpace', 'AT_SetLogged', 'AT_SetUnLogged', 'AT_SetAccessMethod'].includes(subtype ?? ''))
    return { mode: 'ACCESS EXCLUSIVE', rewrite: true, scan: true };
  if (subtype === 'AT_SetExpression') return { mode: 'ACCESS EXCLUSIVE', rewrite: true, scan: true };
  return { mode: 'ACCESS EXCLUSIVE' };
}

function alterTableLocks(statement: AlterTableStmt, pgVersion: number): LockEffect[] {
  const commands = (statement.cmds ?? []).flatMap((node) =>
    'AlterTableCmd' in node ? [node.AlterTableCmd] : [],
  );
  if (commands.length === 0) return [];
  const works = commands.map((command) => alterCommandWork(command, pgVersion));
  const combined = works.reduce<Work>(
    (all, work) => ({
      mode: strongest(all.mode, work.mode),
      rewrite: Boolean(all.rewrite || work.rewrite),
      scan: Boolean(all.scan || work.scan),
    }),
    { mode: 'ACCESS SHARE' },
  );
  const locks = [effect(statement.relation, combined)];
  // A foreign key also locks the table it points to, so its rows cannot vanish while it is checked.
  for (const command of commands) {
    const definition = command.def;
    if (definition && 'Constraint' in definition && definition.Constraint.contype === 'CONSTR_FOREIGN')
      locks.push(effect(definition.Constraint.pktable, { mode: 'SHARE ROW EXCLUSIVE' }));
  }
  return locks;
}

/** Reads a DefElem option list for a flag such as `concurrently` or `full`. */
function hasOption(options: Node[] | undefined, name: string): boolean {
  return (options ?? []).some((option) => 'DefElem' in option && option.DefElem.defname === name);
}

/**
 * The locks a statement takes on tables that already exist, strongest first per table. Statements
 * on objects created in the same file lock nothing anyone else is waiting for, so callers drop them.
 */
export function locksOf(node: Node, pgVersion: number): LockEffect[] {
  if ('AlterTableStmt' in node) return alterTableLocks(node.AlterTableStmt, pgVersion);
  if ('IndexStmt' in node) {
    const index = node.IndexStmt;
    return [
      effect(index.relation, { mode: index.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', scan: true }),
    ];
  }
  if ('DropStmt' in node) {
    const drop = node.DropStmt;
    if (drop.removeType === 'OBJECT_INDEX')
      return [
        {
          ...effect(undefined, { mode: drop.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE' }),
          table: 'the indexed table',
        },
      ];
    if (drop.removeType === 'OBJECT_TABLE')
      return droppedTables(drop.objects).map((table) => ({
        ...effect(undefined, { mode: 'ACCESS EXCLUSIVE' }),
        table,
      }));
    return [];
  }
  if ('RenameStmt' in node && node.RenameStmt.relation)
    return [effect(node.RenameStmt.relation, { mode: 'ACCESS EXCLUSIVE' })];
  if ('TruncateStmt' in node)
    return (node.TruncateStmt.relations ?? []).flatMap((relation) =>
      'RangeVar' in relation ? [effect(relation.RangeVar, { mode: 'ACCESS EXCLUSIVE' })] : [],
    );
  if ('VacuumStmt' in node && hasOption(node.VacuumStmt.options, 'full'))
    return (node.VacuumStmt.rels ?? []).flatMap((relation) =>
      'VacuumRelation' in relation
        ? [effect(relation.VacuumRelation.relation, { mode: 'ACCESS EXCLUSIVE', rewrite: true })]
        : [],
    );
  if ('ClusterStmt' in node && node.ClusterStmt.relation)
    return [effect(node.ClusterStmt.relation, { mode: 'ACCESS EXCLUSIVE', rewrite: true })];
  if ('RefreshMatViewStmt' in node)
    return [
      effect(node.RefreshMatViewStmt.relation, {
        mode: node.RefreshMatViewStmt.concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE',
        scan: true,
      }),
    ];
  if ('ReindexStmt' in node && node.ReindexStmt.relation) {
    const concurrently = hasOption(node.ReindexStmt.params, 'concurrently');
    return [
      effect(node.ReindexStmt.relation, {
        mode: concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE',
        scan: true,
      }),
    ];
  }
  if ('LockStmt' in node)
    return (node.LockStmt.relations ?? []).flatMap((relation) =>
      'RangeVar' in relation
        ? [effect(relation.RangeVar, { mode: lockModeNumbered(node.LockStmt.mode) })]
        : [],
    );
  if ('CreateStmt' in node)
    return referencedTables(node.CreateStmt.tableElts).map((relation) =>
      effect(relation, { mode: 'SHARE ROW EXCLUSIVE' }),
    );
  if ('CreateTrigStmt' in node)
    return [effect(node.CreateTrigStmt.relation, { mode: 'SHARE ROW EXCLUSIVE' })];
  if ('UpdateStmt' in node)
    return [effect(node.UpdateStmt.relation, { mode: 'ROW EXCLUSIVE', scan: !node.UpdateStmt.whereClause })];
  if ('DeleteStmt' in node)
    return [effect(node.DeleteStmt.relation, { mode: 'ROW EXCLUSIVE', scan: !node.DeleteStmt.whereClause })];
  if ('InsertStmt' in node) return [effect(node.InsertStmt.relation, { mode: 'ROW EXCLUSIVE' })];
  return [];
}

/** The tables a new table's foreign keys point to (declared on a column or on the table). */
function referencedTables(elements: Node[] | undefined): RangeVar[] {
  const constraints = (elements ?? []).flatMap((element) => {
    if ('Constraint' in element) return [element.Constraint];
    if ('ColumnDef' in element)
      return (element.ColumnDef.constraints ?? []).flatMap((item) =>
        'Constraint' in item ? [item.Constraint] : [],
      );
    return [];
  });
  return constraints.flatMap((constraint) =>
    constraint.contype === 'CONSTR_FOREIGN' && constraint.pktable ? [constraint.pktable] : [],
  );
}

/** The names in `DROP TABLE a, s.b`. */
export function droppedTables(objects: Node[] | undefined): string[] {
  return (objects ?? []).flatMap((object) =>
    'List' in object
      ? [
          (object.List.items ?? [])
            .flatMap((item) => ('String' in item && item.String.sval ? [item.String.sval] : []))
            .join('.'),
        ]
      : [],
  );
}
