import { describe, expect, it } from 'vitest';
import { flakinessOf, type WindowResult } from './flaky.ts';
import type { TestStatus } from './model.ts';

const results = (statuses: TestStatus[], testCaseId = 'case'): WindowResult[] =>
  statuses.map((status, run) => ({ run, status, testCaseId }));

describe('flakiness over a window of runs', () => {
  it('counts changes between passing and failing, broken counting as failing', () => {
    expect(flakinessOf(results(['passed', 'failed', 'passed', 'broken', 'broken']))).toEqual({
      considered: 5,
      flips: 3,
      flipRate: 0.75,
      firstFlip: 1,
      lastFlip: 3,
    });
  });

  it('leaves skipped and unknown results out, so pass, skip, fail is one flip', () => {
    expect(flakinessOf(results(['passed', 'skipped', 'unknown', 'failed']))).toMatchObject({
      considered: 2,
      flips: 1,
      flipRate: 1,
      firstFlip: 3,
    });
  });

  it('orders the results by run, whatever order they come in', () => {
    const shuffled = [
      { run: 2, status: 'passed' as const },
      { run: 0, status: 'passed' as const },
      { run: 1, status: 'failed' as const },
    ];
    expect(flakinessOf(shuffled)).toMatchObject({ flips: 2, firstFlip: 1, lastFlip: 2 });
  });

  it('does not count a change across a new test case id', () => {
    const renamed = [
      { run: 0, status: 'failed' as const, testCaseId: 'old' },
      { run: 1, status: 'passed' as const, testCaseId: 'new' },
      { run: 2, status: 'failed' as const, testCaseId: 'new' },
    ];
    expect(flakinessOf(renamed)).toMatchObject({ flips: 1, firstFlip: 2, lastFlip: 2 });
  });

  it('gives a stable test, or a single result, a flip rate of 0', () => {
    expect(flakinessOf(results(['failed', 'failed']))).toMatchObject({
      flips: 0,
      flipRate: 0,
      firstFlip: null,
    });
    expect(flakinessOf(results(['passed']))).toMatchObject({ considered: 1, flipRate: 0 });
    expect(flakinessOf([])).toMatchObject({ considered: 0, flipRate: 0 });
  });
});
