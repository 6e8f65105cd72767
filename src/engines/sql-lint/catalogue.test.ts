import { describe, expect, it } from 'vitest';
import { lintMigrations, rules } from './index.ts';

/** Every rule proves itself on its own examples: the unsafe one is reported, the near miss is not. */
describe('the rule catalogue', () => {
  it('has unique ids in kebab case', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('reports its unsafe example', async () => {
        const report = await lintMigrations([{ path: 'unsafe.sql', sql: rule.examples.unsafe }]);
        expect(report.files[0]?.parseError).toBeNull();
        const fired = report.files[0]?.findings.filter((finding) => finding.ruleId === rule.id) ?? [];
        expect(fired.length, `${rule.id} on:\n${rule.examples.unsafe}`).toBeGreaterThan(0);
        expect(fired[0]?.severity).toBe(rule.severity);
        expect(fired[0]?.message.length).toBeGreaterThan(10);
      });

      it('stays quiet on its near miss', async () => {
        const report = await lintMigrations([{ path: 'safe.sql', sql: rule.examples.safe }]);
        expect(report.files[0]?.parseError).toBeNull();
        const fired = report.files[0]?.findings.filter((finding) => finding.ruleId === rule.id) ?? [];
        expect(fired, `${rule.id} on:\n${rule.examples.safe}`).toEqual([]);
      });
    });
  }
});
