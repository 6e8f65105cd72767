import { describe, expect, it } from 'vitest';
import {
  biggestGaps,
  byLevel,
  expiringWaivers,
  type Scorecard,
} from '../../web/src/features/home/portfolio.ts';

type Area = Scorecard['areas'][number];
type Outcome = Area['failing'][number];

function check(id: string, area: string, level: Outcome['level']): Outcome {
  return { id, area, level, title: id };
}

function area(_slug: string, failing: Outcome[], applicable = true): Area {
  return { applicable, failing };
}

function scorecard(level: Scorecard['level'], areas: Area[], waivers: Scorecard['waivers'] = []): Scorecard {
  return { level, areas, waivers };
}

describe('a project’s biggest gaps', () => {
  it('takes failing checks of the next level, busiest areas first, one per area before a second', () => {
    const card = scorecard('none', [
      area('docs', [check('docs.a', 'docs', 'bronze')]),
      area('db', [
        check('db.a', 'db', 'bronze'),
        check('db.b', 'db', 'bronze'),
        check('db.s', 'db', 'silver'),
      ]),
      area('skip', [check('skip.a', 'skip', 'bronze')], false),
    ]);
    expect(biggestGaps(card, 3).map((gap) => gap.id)).toEqual(['db.a', 'docs.a', 'db.b']);
    expect(biggestGaps(card, 2).map((gap) => gap.id)).toEqual(['db.a', 'docs.a']);
  });

  it('has none at gold', () => {
    expect(biggestGaps(scorecard('gold', [area('db', [check('db.a', 'db', 'gold')])]))).toEqual([]);
  });

  it('orders projects lowest level first, then by name', () => {
    const rows = [
      { name: 'B', level: 'gold' as const },
      { name: 'C', level: 'none' as const },
      { name: 'A', level: 'none' as const },
      { name: 'D', level: 'silver' as const },
    ];
    expect(rows.sort(byLevel).map((row) => row.name)).toEqual(['A', 'C', 'D', 'B']);
  });
});

describe('expiring waivers', () => {
  it('lists waivers ending within 14 days, soonest first, across projects', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    const waiver = (id: string, expiresAt: string) => ({ id, checkId: `c.${id}`, reason: 'r', expiresAt });
    const projects = [
      {
        id: 'p1',
        name: 'Payments',
        scorecard: scorecard(
          'none',
          [],
          [waiver('late', '2026-12-30T00:00:00Z'), waiver('soon', '2026-12-10T00:00:00Z')],
        ),
      },
      {
        id: 'p2',
        name: 'Orders',
        scorecard: scorecard(
          'none',
          [],
          [waiver('sooner', '2026-12-07T00:00:00Z'), waiver('gone', '2026-12-01T00:00:00Z')],
        ),
      },
    ];
    const found = expiringWaivers(projects, now, 14);
    expect(found.map((item) => [item.id, item.projectName])).toEqual([
      ['sooner', 'Orders'],
      ['soon', 'Payments'],
    ]);
  });
});
