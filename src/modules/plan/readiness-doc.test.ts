import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checksById } from './area.ts';
import { planAreas } from './areas/index.ts';
import { readinessDocument } from './readiness-doc.ts';

describe('the readiness documentation', () => {
  it('lists every check with its level and is up to date (npm run docs:readiness rewrites it)', () => {
    const written = fs.readFileSync(new URL('../../../docs/readiness.md', import.meta.url), 'utf8');
    expect(written).toBe(readinessDocument());
    for (const check of checksById(planAreas).values())
      expect(written).toContain(`| \`${check.id}\` | ${check.level} |`);
  });

  it('declares at least three checks per area, at every level', () => {
    for (const area of planAreas) {
      expect(area.checks.length, area.slug).toBeGreaterThanOrEqual(3);
      expect(new Set(area.checks.map((check) => check.level)), area.slug).toEqual(
        new Set(['bronze', 'silver', 'gold']),
      );
    }
  });
});
