import type { Level } from '../types.ts';
import { breakingRules } from './breaking-rules.ts';
import { dangerousRules } from './dangerous-rules.ts';

/** Two versions of a schema, as SDL. */
export interface GraphQLExample {
  base: string;
  revision: string;
}

/**
 * A kind of GraphQL schema change graphql-js finds (`findBreakingChanges`: ERR,
 * `findDangerousChanges`: WARN). Its id is `graphql-` and the change type in kebab case.
 */
export interface GraphQLRule {
  id: string;
  level: Level;
  section: 'graphql';
  /** What the rule reports, in a short sentence. */
  title: string;
  /** Why it matters to a client, and what a client must do. */
  why: string;
  /** `triggers` must report the rule; `nearMiss`, a close change that is safe, must not. */
  examples: { triggers: GraphQLExample; nearMiss: GraphQLExample };
}

/** The rule id of a graphql-js change type: FIELD_REMOVED is graphql-field-removed. */
export function graphqlRuleId(changeType: string): string {
  return `graphql-${changeType.toLowerCase().replaceAll('_', '-')}`;
}

/** Every GraphQL rule: the breaking changes, then the dangerous ones. */
export const graphqlRules: readonly GraphQLRule[] = [...breakingRules, ...dangerousRules];
