import { describe, expect, it } from 'vitest';
import { countsLine } from '../../web/src/features/findings/format.ts';
import { boardColumns, hasLapsed, transitionsFrom } from '../../web/src/features/tasks/format.ts';

describe('the tasks board', () => {
  it('has a column for every status, blocked and cancelled together', () => {
    const statuses = boardColumns.flatMap((column) => column.statuses);
    expect(statuses.sort()).toEqual(['blocked', 'cancelled', 'claimed', 'done', 'in_review', 'open']);
    expect(boardColumns.at(-1)?.statuses).toEqual(['blocked', 'cancelled']);
  });

  it('offers only the moves no gate guards, and none from done', () => {
    expect(transitionsFrom('open')).toEqual(['blocked', 'cancelled']);
    expect(transitionsFrom('claimed')).toEqual(['open', 'blocked', 'cancelled']);
    expect(transitionsFrom('blocked')).toEqual(['open', 'cancelled']);
    expect(transitionsFrom('cancelled')).toEqual(['open']);
    expect(transitionsFrom('done')).toEqual([]);
  });

  it('says a claim lapsed once its lease has run out', () => {
    const now = Date.parse('2026-12-07T05:00:00Z');
    expect(hasLapsed('2026-12-07T04:59:59Z', now)).toBe(true);
    expect(hasLapsed('2026-12-07T05:15:00Z', now)).toBe(false);
    expect(hasLapsed(null, now)).toBe(false);
  });
});

describe('finding set counts', () => {
  it('names what an upload opened, saw again, reopened, closed and suppressed, leaving out zeros', () => {
    const counts = { results: 12, opened: 3, seenAgain: 8, reopened: 1, closed: 2, suppressed: 1 };
    expect(countsLine(counts)).toBe('12 results: 3 new, 8 seen again, 1 reopened, 2 closed, 1 suppressed');
    expect(countsLine({ results: 1, opened: 1, seenAgain: 0, reopened: 0, closed: 0, suppressed: 0 })).toBe(
      '1 result: 1 new',
    );
    expect(countsLine({ results: 0, opened: 0, seenAgain: 0, reopened: 0, closed: 0, suppressed: 0 })).toBe(
      '0 results',
    );
  });
});
