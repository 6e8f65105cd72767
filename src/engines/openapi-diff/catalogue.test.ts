import { describe, expect, it } from 'vitest';
import { diffOpenApi, rules } from './index.ts';

/** Every rule proves itself on its own examples: the change is reported, the near miss is not. */
describe('the contract rule catalogue', () => {
  it('has unique ids in kebab case', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('reports its example', () => {
        const { base, revision } = rule.examples.triggers;
        const fired = diffOpenApi(base, revision, { today: '2026-06-01' }).findings.filter(
          (finding) => finding.ruleId === rule.id,
        );
        expect(fired.length, `${rule.id} on its example`).toBeGreaterThan(0);
        expect(fired[0]?.level).toBe(rule.level);
        expect(fired[0]?.section).toBe(rule.section);
        expect(fired[0]?.message.length).toBeGreaterThan(10);
      });

      it('stays quiet on its near miss', () => {
        const { base, revision } = rule.examples.nearMiss;
        const fired = diffOpenApi(base, revision, { today: '2026-06-01' }).findings.filter(
          (finding) => finding.ruleId === rule.id,
        );
        expect(fired).toEqual([]);
      });
    });
  }
});
