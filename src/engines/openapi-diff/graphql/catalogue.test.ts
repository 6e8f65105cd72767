import { BreakingChangeType, DangerousChangeType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { diffGraphQL, graphqlRuleId, graphqlRules } from './index.ts';

/** Every GraphQL rule proves itself on its own examples: the change is reported, the near miss is not. */
describe('the GraphQL rule catalogue', () => {
  it('has one rule per change type graphql-js defines, breaking ones ERR and dangerous ones WARN', () => {
    const expected = [
      ...Object.values(BreakingChangeType).map((type) => ({ id: graphqlRuleId(type), level: 'ERR' })),
      ...Object.values(DangerousChangeType).map((type) => ({ id: graphqlRuleId(type), level: 'WARN' })),
    ];
    const catalogued = graphqlRules.map(({ id, level }) => ({ id, level }));
    expect(catalogued).toEqual(expect.arrayContaining(expected));
    expect(catalogued).toHaveLength(expected.length);
  });

  it('has unique ids in kebab case', () => {
    const ids = graphqlRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^graphql(-[a-z]+)+$/);
  });

  for (const rule of graphqlRules) {
    describe(rule.id, () => {
      it('reports its example', () => {
        const { base, revision } = rule.examples.triggers;
        const fired = diffGraphQL(base, revision).findings.filter((finding) => finding.ruleId === rule.id);
        expect(fired.length, `${rule.id} on:\n${base}\n→\n${revision}`).toBeGreaterThan(0);
        expect(fired[0]?.level).toBe(rule.level);
        expect(fired[0]?.section).toBe('graphql');
        expect(fired[0]?.field, 'names the type, field, argument or directive').toMatch(/^@?\w+/);
      });

      it('stays quiet on its near miss', () => {
        const { base, revision } = rule.examples.nearMiss;
        const fired = diffGraphQL(base, revision).findings.filter((finding) => finding.ruleId === rule.id);
        expect(fired, `${rule.id} on:\n${base}\n→\n${revision}`).toEqual([]);
      });
    });
  }
});
