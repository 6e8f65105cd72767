import type { ColumnDef, Constraint, Node, RangeVar, TypeName } from '@pgsql/types';

/** The node's type name, e.g. `AlterTableStmt`. */
export function kindOf(node: Node): string {
  return Object.keys(node)[0] ?? 'Unknown';
}

/** The table a statement names, as written (`schema.table` or `table`). */
export function tableName(relation: RangeVar | undefined): string {
  if (!relation) return '?';
  return relation.schemaname ? `${relation.schemaname}.${relation.relname}` : (relation.relname ?? '?');
}

/** The plain values of a list of `String` nodes (type names, function names, qualified names). */
export function names(list: Node[] | undefined): string[] {
  return (list ?? []).flatMap((item) => ('String' in item && item.String.sval ? [item.String.sval] : []));
}

/** A column type's own name without its schema: `int4`, `varchar`, `timestamptz`, `serial`. */
export function typeNameOf(type: TypeName | undefined): string {
  const parts = names(type?.names);
  return (parts.at(-1) ?? '').toLowerCase();
}

/** Whether a type was declared with a length or precision, e.g. `varchar(20)`. */
export function hasTypeModifier(type: TypeName | undefined): boolean {
  return (type?.typmods?.length ?? 0) > 0;
}

/** The constraints declared on a column definition. */
export function columnConstraints(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).flatMap((node) => ('Constraint' in node ? [node.Constraint] : []));
}

export function hasConstraint(column: ColumnDef, contype: Constraint['contype']): boolean {
  return columnConstraints(column).some((constraint) => constraint.contype === contype);
}

/** The default expression of a column definition, if any. */
export function defaultOf(column: ColumnDef): Node | undefined {
  return columnConstraints(column).find((constraint) => constraint.contype === 'CONSTR_DEFAULT')?.raw_expr;
}

/** Functions whose value changes per row: a default calling one must be computed for every existing row. */
const volatileFunctions = new Set([
  'random',
  'gen_random_uuid',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'uuidv4',
  'uuidv7',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'txid_current',
  'setseed',
]);

/** Functions known to be stable or immutable: their default is computed once. */
const stableFunctions = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_setting',
  'lower',
  'upper',
  'jsonb_build_object',
  'json_build_object',
  'jsonb_build_array',
  'array',
  'to_jsonb',
  'make_interval',
  'coalesce',
]);

export type Volatility = 'constant' | 'volatile' | 'unknown';

/**
 * Whether a default expression gives every existing row the same value (PostgreSQL 11+ then stores
 * it once instead of rewriting the table) or must be computed per row.
 */
export function volatilityOf(expression: Node | undefined): Volatility {
  if (!expression) return 'constant';
  let verdict: Volatility = 'constant';
  visit(expression, (node) => {
    if ('FuncCall' in node) {
      const name = (names(node.FuncCall.funcname).at(-1) ?? '').toLowerCase();
      if (volatileFunctions.has(name)) verdict = 'volatile';
      else if (!stableFunctions.has(name) && verdict === 'constant') verdict = 'unknown';
    }
    if ('SubLink' in node && verdict === 'constant') verdict = 'unknown';
  });
  return verdict;
}

/** Calls `visitor` on every node of a tree, depth first. */
export function visit(tree: unknown, visitor: (node: Node) => void): void {
  if (Array.isArray(tree)) {
    for (const item of tree) visit(item, visitor);
    return;
  }
  if (tree === null || typeof tree !== 'object') return;
  if (isNode(tree)) visitor(tree);
  for (const value of Object.values(tree)) visit(value, visitor);
}

/** A node is an object with one key naming its type, capitalised: `{ FuncCall: {…} }`. */
function isNode(value: object): value is Node {
  const keys = Object.keys(value);
  return keys.length === 1 && /^[A-Z]/.test(keys[0] ?? '');
}
