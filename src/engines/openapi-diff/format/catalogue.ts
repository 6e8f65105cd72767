import { graphqlRules } from '../graphql/index.ts';
import { rules } from '../rules/index.ts';
import type { DiffResult, Level, Section } from '../types.ts';

/** What reports say about a rule, whichever kind of contract it checks. */
export interface DescribedRule {
  id: string;
  level: Level;
  section: Section;
  title: string;
  why: string;
}

/** The rules a diff of this kind of contract is judged by, in the documentation's order. */
export function catalogueFor(kind: DiffResult['kind']): readonly DescribedRule[] {
  return kind === 'openapi' ? rules : graphqlRules;
}
