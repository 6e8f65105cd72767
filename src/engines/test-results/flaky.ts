import type { TestStatus } from './model.ts';

// What makes a test flaky, as one definition for the server and for offline use: over a branch's
// runs in order, a flip is a change between passing and failing from one result to the next
// (failed and broken both fail; skipped and unknown are left out, so pass, skip, fail is one
// flip), counted only when the test case id stayed the same (a renamed or rewritten test starts
// anew). A pass that needed retries within its run is counted apart.

/** One test's result in one run of the window. */
export interface WindowResult {
  /** The run's place in the window: larger is later. */
  run: number;
  status: TestStatus;
  testCaseId?: string | null;
}

export interface Flakiness {
  /** Results that passed or failed (skipped and unknown are not considered). */
  considered: number;
  flips: number;
  /** flips / (considered - 1): 1 when every result differs from the one before; 0 with one result. */
  flipRate: number;
  /** The run (its `run` number) of the first and last flip; null without flips. */
  firstFlip: number | null;
  lastFlip: number | null;
}

const failing = (status: TestStatus) => status === 'failed' || status === 'broken';
const considered = (status: TestStatus) => status === 'passed' || failing(status);

/** The flips of one test over its results in a window, in any order. */
export function flakinessOf(results: readonly WindowResult[]): Flakiness {
  const ordered = results.filter((result) => considered(result.status)).sort((a, b) => a.run - b.run);
  let flips = 0;
  let firstFlip: number | null = null;
  let lastFlip: number | null = null;
  for (let index = 1; index < ordered.length; index += 1) {
    const previous = ordered[index - 1];
    const current = ordered[index];
    if (!previous || !current) continue;
    const sameCase = (previous.testCaseId ?? null) === (current.testCaseId ?? null);
    if (sameCase && failing(previous.status) !== failing(current.status)) {
      flips += 1;
      firstFlip ??= current.run;
      lastFlip = current.run;
    }
  }
  return {
    considered: ordered.length,
    flips,
    flipRate: ordered.length > 1 ? flips / (ordered.length - 1) : 0,
    firstFlip,
    lastFlip,
  };
}
