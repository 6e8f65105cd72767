import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from './index.ts';
import { withRulesReference } from './rules-doc.ts';

describe('the migration safety documentation', () => {
  const written = fs.readFileSync(new URL('../../../docs/migration-safety.md', import.meta.url), 'utf8');

  it('lists every rule of the catalogue and is up to date (npm run docs:migration-rules rewrites it)', () => {
    expect(written).toBe(withRulesReference(written));
  });

  it('shows each rule with its level, lock, examples and recipe', () => {
    for (const rule of rules) {
      expect(written).toContain(`### \`${rule.id}\``);
      expect(written).toContain(rule.examples.unsafe);
    }
  });
});
