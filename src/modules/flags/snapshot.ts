import { createHash } from 'node:crypto';
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/connection.ts';
import type {
  EnvironmentSnapshot,
  FlagDefinition,
  FlagValue,
  Prerequisite,
} from '../../engines/flag-eval/model.ts';
import { featureFlags, flagDependencies } from '../plan/areas/feature-flags.ts';
import { flagConfigs, flagEnvironments, flagSegments } from './tables.ts';

// What one environment serves, read from the tables the way the engine wants it: every flag with a
// config in the environment, its prerequisites (plan.flag_dependencies, by flag key), and the
// project's segments. The SDK surface compiles it and caches it under snapshotStamp.

interface EnvironmentRef {
  projectId: string;
  key: string;
}

async function environmentOf(db: Executor, environmentId: string): Promise<EnvironmentRef | undefined> {
  const [row] = await db
    .select({ projectId: flagEnvironments.projectId, key: flagEnvironments.key })
    .from(flagEnvironments)
    .where(eq(flagEnvironments.id, environmentId))
    .limit(1);
  return row;
}

/** Prerequisites of every flag of the project, by the dependent flag's id. */
async function prerequisitesByFlag(db: Executor, projectId: string): Promise<Map<string, Prerequisite[]>> {
  const rows = await db
    .select({
      flagId: flagDependencies.flagId,
      requiredKey: featureFlags.name,
      requiredValue: flagDependencies.requiredValue,
    })
    .from(flagDependencies)
    .innerJoin(featureFlags, eq(featureFlags.id, flagDependencies.dependsOnFlagId))
    .where(eq(flagDependencies.projectId, projectId))
    .orderBy(asc(flagDependencies.createdAt), asc(flagDependencies.id));
  const byFlag = new Map<string, Prerequisite[]>();
  for (const row of rows) {
    if (!row.flagId || !row.requiredKey) continue;
    const list = byFlag.get(row.flagId) ?? [];
    // An empty required value means "on", as the plan field documents.
    list.push({ flagKey: row.requiredKey, value: (row.requiredValue ?? true) as FlagValue });
    byFlag.set(row.flagId, list);
  }
  return byFlag;
}

/** Everything the environment evaluates. An unknown environment serves nothing. */
export async function loadSnapshot(db: Executor, environmentId: string): Promise<EnvironmentSnapshot> {
  const environment = await environmentOf(db, environmentId);
  if (!environment) return { environment: '', flags: [], segments: [] };
  const configs = await db
    .select({
      flagId: featureFlags.id,
      key: featureFlags.name,
      valueType: featureFlags.valueType,
      enabled: flagConfigs.enabled,
      rules: flagConfigs.rules,
      variants: flagConfigs.variants,
      defaultValue: flagConfigs.defaultValue,
    })
    .from(flagConfigs)
    .innerJoin(featureFlags, eq(featureFlags.id, flagConfigs.flagId))
    .where(eq(flagConfigs.environmentId, environmentId))
    .orderBy(asc(featureFlags.name));
  const prerequisites = await prerequisitesByFlag(db, environment.projectId);
  const flags: FlagDefinition[] = configs.flatMap((config) =>
    config.key
      ? [
          {
            key: config.key,
            type: (config.valueType ?? 'boolean') as FlagDefinition['type'],
            enabled: config.enabled,
            rules: config.rules,
            variants: config.variants,
            defaultValue: config.defaultValue,
            prerequisites: prerequisites.get(config.flagId) ?? [],
          },
        ]
      : [],
  );
  const segments = await db
    .select({ id: flagSegments.number, name: flagSegments.name, constraints: flagSegments.constraints })
    .from(flagSegments)
    .where(eq(flagSegments.projectId, environment.projectId))
    .orderBy(asc(flagSegments.number));
  return { environment: environment.key, flags, segments };
}

/** How many rows a table holds for the filter, and when the newest of them last changed, as SQL. */
function tableMark(place: number, table: PgTable & { updatedAt: PgColumn }, where: SQL): SQL {
  return sql`select ${place}::int as place, count(*)::text || '@' || coalesce(max(${table.updatedAt})::text, '') as mark from ${table} where ${where}`;
}

/**
 * A cheap marker of what the environment serves: it changes whenever a flag, a config of the
 * environment, a prerequisite or a segment of its project is added, changed or removed (a removal
 * changes the count, a write moves the newest update time). One statement: it runs every half
 * second per environment in use, and on PGlite on the server's own thread.
 */
export async function snapshotStamp(db: Executor, environmentId: string): Promise<string> {
  const environment = await environmentOf(db, environmentId);
  if (!environment) return 'none';
  const marks = [
    tableMark(0, flagEnvironments, eq(flagEnvironments.id, environmentId)),
    tableMark(1, flagConfigs, eq(flagConfigs.environmentId, environmentId)),
    tableMark(2, featureFlags, eq(featureFlags.projectId, environment.projectId)),
    tableMark(3, flagDependencies, eq(flagDependencies.projectId, environment.projectId)),
    tableMark(4, flagSegments, eq(flagSegments.projectId, environment.projectId)),
  ];
  const result = await db.execute(sql.join(marks, sql` union all `));
  const parts = result.rows
    .toSorted((one, other) => Number(one.place) - Number(other.place))
    .map((row) => String(row.mark));
  return createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 22);
}
