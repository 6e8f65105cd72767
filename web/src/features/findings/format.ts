import type { FindingSet } from './types.ts';

/** `12 results: 3 new, 8 seen again, 1 reopened, 2 closed, 1 suppressed`. */
export function countsLine(counts: FindingSet['counts']): string {
  const parts = [
    counts.opened ? `${counts.opened} new` : '',
    counts.seenAgain ? `${counts.seenAgain} seen again` : '',
    counts.reopened ? `${counts.reopened} reopened` : '',
    counts.closed ? `${counts.closed} closed` : '',
    counts.suppressed ? `${counts.suppressed} suppressed` : '',
  ].filter(Boolean);
  return `${counts.results} ${counts.results === 1 ? 'result' : 'results'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
