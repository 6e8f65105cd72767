import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { squawkDifferences, squawkRuleNames, squawkToShipshape } from './fixtures/squawk-differences.ts';
import {
  type Comparison,
  comparedRules,
  compareWithSquawk,
  knownDifference,
  sharedCorpus,
  squawkBinary,
  staleDifferences,
} from './fixtures/test-helpers.ts';

const binary = squawkBinary();
const notInstalled =
  'squawk is not installed (its binary comes in the optional package @squawk-cli/<platform>): comparison skipped';

describe('the verdicts compared with squawk on the shared corpus', () => {
  let comparison: Comparison | undefined;
  beforeAll(async () => {
    if (binary) comparison = await compareWithSquawk(binary);
  });

  it('differ only where squawk-differences.ts says why', (context) => {
    if (!comparison) return context.skip(notInstalled);
    const unexplained = comparison.differences.filter((difference) => !knownDifference(difference));
    expect(
      unexplained.map(
        ({ file, rule, line, reportedBy }) => `${file}:${line} ${rule}, only ${reportedBy} reports it`,
      ),
    ).toEqual([]);
  });

  it('list no difference that no longer happens', (context) => {
    if (!comparison) return context.skip(notInstalled);
    expect(staleDifferences(comparison.differences)).toEqual([]);
  });

  it('exercise every rule both tools have: squawk reports each somewhere in the corpus', (context) => {
    if (!comparison) return context.skip(notInstalled);
    const { squawkReported } = comparison;
    expect(comparison.rules.filter((rule) => !squawkReported.has(rule))).toEqual([]);
  });
});

describe('the list of differences with squawk', () => {
  const corpusFiles = fs.readdirSync(sharedCorpus);

  it('names corpus files and rules both tools have, each with a reason', () => {
    const compared = comparedRules();
    const wrong = squawkDifferences.filter(
      (difference) =>
        !corpusFiles.includes(difference.file) ||
        !compared.includes(difference.rule) ||
        difference.why.trim() === '',
    );
    expect(wrong).toEqual([]);
  });

  it("maps only squawk's own rule names", () => {
    expect(Object.keys(squawkToShipshape).filter((name) => !squawkRuleNames.includes(name))).toEqual([]);
  });

  it('has a corpus of 10 to 20 migrations', () => {
    const count = corpusFiles.filter((file) => path.extname(file) === '.sql').length;
    expect(count).toBeGreaterThanOrEqual(10);
    expect(count).toBeLessThanOrEqual(20);
  });
});
