import { findBreakingChanges, findDangerousChanges, type GraphQLSchema } from 'graphql';
import type { DiffOptions, DiffResult, Finding, Level, OperationCounts } from '../types.ts';
import { coordinateOf } from './coordinates.ts';
import { graphqlRuleId } from './rules.ts';
import { buildGraphQLSchema } from './schema.ts';

/** The options of a GraphQL diff: rules switched off and levels changed, as for OpenAPI. */
export type GraphQLDiffOptions = Pick<DiffOptions, 'disabledRules' | 'levelOverrides'>;

/**
 * Compares two GraphQL schemas with graphql-js's own checks: each breaking change is an ERR finding,
 * each dangerous one a WARN. Invalid SDL on either side throws ContractLoadError ('parse-error').
 */
export function diffGraphQL(
  baseSdl: string,
  revisionSdl: string,
  options: GraphQLDiffOptions = {},
): DiffResult {
  const base = buildGraphQLSchema(baseSdl, 'base schema');
  const revision = buildGraphQLSchema(revisionSdl, 'revision schema');
  const changes = [
    ...findBreakingChanges(base, revision).map((change) => ({ ...change, level: 'ERR' as const })),
    ...findDangerousChanges(base, revision).map((change) => ({ ...change, level: 'WARN' as const })),
  ];
  const disabled = new Set(options.disabledRules ?? []);
  const findings = changes
    .map((change): Finding => {
      const ruleId = graphqlRuleId(change.type);
      return {
        ruleId,
        level: options.levelOverrides?.[ruleId] ?? change.level,
        section: 'graphql',
        message: change.description,
        operation: null,
        operationKey: null,
        field: coordinateOf(change.type, change.description),
        pointer: '',
        // Removals are seen in the base, everything else in the revision.
        side: /REMOVED/.test(change.type) ? 'base' : 'revision',
      };
    })
    .filter((finding) => !disabled.has(finding.ruleId));
  return {
    kind: 'graphql',
    base: { title: null, version: null },
    revision: { title: null, version: null },
    findings,
    summary: countLevels(findings),
    operations: countOperations(base, revision, findings),
  };
}

function countLevels(findings: readonly Finding[]): Record<Level, number> {
  const summary = { ERR: 0, WARN: 0, INFO: 0 };
  for (const finding of findings) summary[finding.level] += 1;
  return summary;
}

/**
 * A GraphQL API's operations are its root fields (`Query.user`, `Mutation.createUser`, …): counted on
 * each side, and as changed when a finding names one of them or something below it.
 */
function countOperations(
  base: GraphQLSchema,
  revision: GraphQLSchema,
  findings: readonly Finding[],
): OperationCounts {
  const before = rootFields(base);
  const after = rootFields(revision);
  const named = findings.map((finding) => finding.field ?? '');
  const kept = [...before].filter((field) => after.has(field));
  return {
    base: before.size,
    revision: after.size,
    added: [...after].filter((field) => !before.has(field)).length,
    removed: [...before].filter((field) => !after.has(field)).length,
    changed: kept.filter((field) => named.some((name) => name === field || name.startsWith(`${field}(`)))
      .length,
  };
}

function rootFields(schema: GraphQLSchema): Set<string> {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return new Set(
    roots.flatMap((root) =>
      root ? Object.keys(root.getFields()).map((field) => `${root.name}.${field}`) : [],
    ),
  );
}
