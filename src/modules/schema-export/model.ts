import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/** One table of the data model, as the DBML and Mermaid renderings need it. */
export interface ModelTable {
  /** Schema-qualified when not in `public`: `plan.job_types`. */
  name: string;
  columns: { name: string; type: string; notNull: boolean; primaryKey: boolean; unique: boolean }[];
  references: { columns: string[]; table: string; foreignColumns: string[]; onDelete: string }[];
}

function qualified(table: PgTable): string {
  const config = getTableConfig(table);
  return config.schema ? `${config.schema}.${config.name}` : config.name;
}

/** The given tables (every table of the app: its own and the plan's), sorted by name. */
export function dataModel(tables: readonly PgTable[]): ModelTable[] {
  const unique = [...new Map(tables.map((table) => [qualified(table), table])).values()];
  return unique
    .map((table) => {
      const config = getTableConfig(table);
      return {
        name: qualified(table),
        columns: config.columns.map((column) => ({
          name: column.name,
          type: column.getSQLType(),
          notNull: column.notNull,
          primaryKey: column.primary,
          unique: column.isUnique,
        })),
        references: config.foreignKeys.map((key) => {
          const reference = key.reference();
          return {
            columns: reference.columns.map((column) => column.name),
            table: qualified(reference.foreignTable),
            foreignColumns: reference.foreignColumns.map((column) => column.name),
            onDelete: key.onDelete ?? 'no action',
          };
        }),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
