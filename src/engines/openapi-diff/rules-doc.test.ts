import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changeAsDiff, changedPart, lineDiff } from './example-change.ts';
import { graphqlRules } from './graphql/index.ts';
import { rules } from './rules/index.ts';
import { withRulesReference } from './rules-doc.ts';

describe('the contract checks documentation', () => {
  const written = fs.readFileSync(new URL('../../../docs/contract-checks.md', import.meta.url), 'utf8');

  it('lists every rule of the catalogue and is up to date (npm run docs:contract-rules rewrites it)', () => {
    expect(written).toBe(withRulesReference(written));
  });

  it('gives each rule a heading that links resolve to, with its level and why', () => {
    for (const rule of [...rules, ...graphqlRules]) {
      expect(written).toContain(`#### \`${rule.id}\`\n\n**${rule.level}** · `);
      expect(written).toContain(rule.why);
    }
  });
});

describe('the example change', () => {
  it('narrows to the object whose members differ and shows only those', () => {
    const base = {
      paths: { '/a': { get: { summary: 'A', parameters: [{ name: 'q', schema: { maxLength: 9 } }] } } },
    };
    const revision = {
      paths: { '/a': { get: { summary: 'A', parameters: [{ name: 'q', schema: { maxLength: 5 } }] } } },
    };
    const change = changedPart(base, revision);
    expect(change).toEqual({
      path: ['paths', '/a', 'get', 'parameters[0]', 'schema'],
      before: { maxLength: 9 },
      after: { maxLength: 5 },
    });
    expect(changeAsDiff(change)).toBe(
      '@@ paths › /a › get › parameters[0] › schema @@\n-maxLength: 9\n+maxLength: 5',
    );
  });

  it('shows an added member on its own, and several changed members side by side', () => {
    expect(changeAsDiff(changedPart({ a: { x: 1 } }, { a: { x: 1, y: { z: true } } }))).toBe(
      '@@ a @@\n+y:\n+  z: true',
    );
    expect(changedPart({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, c: 6 })).toEqual({
      path: [],
      before: { b: 2, c: 3 },
      after: { b: 5, c: 6 },
    });
  });

  it('keeps the unchanged lines next to a change as context and cuts a long run to …', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\nold\ni\nj\n';
    expect(lineDiff(before, before.replace('old', 'new'))).toEqual([
      ' …',
      ' g',
      ' h',
      '-old',
      '+new',
      ' i',
      ' j',
    ]);
    expect(lineDiff('enum:\n  - a\n  - b\n', 'enum:\n  - a\n')).toEqual([' enum:', '   - a', '-  - b']);
  });
});
