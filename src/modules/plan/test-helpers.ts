import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { findArea } from './area.ts';
import { planAreas } from './areas/index.ts';
import type { AreaImport } from './contracts.ts';

/** Rows of one area to import, by table slug: `{ 'job-types': [{ ref, values }] }`. */
export type Fixture = AreaImport;

export interface CheckCases {
  /** A plan of the area that passes every one of its checks (the area's fixture, beside it). */
  complete: () => Fixture;
  /** Per check: a change to the complete plan that makes that check fail. Every check needs one. */
  failing: Record<string, (fixture: Fixture) => void>;
}

let keys = 0;

/** A new project whose plan holds the fixture's rows (imported through the API). */
export async function projectWithPlan(caller: Caller, area: string, fixture: Fixture): Promise<string> {
  keys += 1;
  const project = await caller.post('/api/v1/projects', { name: `Plan ${keys}`, key: `PL${keys}` });
  expect(project.status, JSON.stringify(project.body)).toBe(201);
  const imported = await caller.post(`/api/v1/projects/${project.body.id}/plan/import`, {
    areas: { [area]: fixture },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  return project.body.id;
}

/** The outcome of each check of one area, as GET …/readiness reports it. */
export async function outcomesOf(caller: Caller, projectId: string, area: string) {
  const answer = await caller.get(`/api/v1/projects/${projectId}/readiness`, { query: { area } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const [score] = answer.body.areas;
  const outcomes: JsonBody[] = [...score.passing, ...score.failing, ...score.disabled];
  return { score, byId: new Map<string, JsonBody>(outcomes.map((outcome) => [outcome.id, outcome])) };
}

/**
 * The table-driven test of an area's checks: the complete plan passes every check (and reaches
 * gold), and each check fails on the plan changed by its failing case, naming rows at fault.
 */
export function describeCheckCases(areaSlug: string, cases: CheckCases): void {
  const area = findArea(planAreas, areaSlug);
  if (!area) throw new Error(`no area ${areaSlug}`);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe(`${area.title}: readiness checks`, () => {
    it('has a failing case for every check, and at least one check per level', () => {
      expect(Object.keys(cases.failing).sort()).toEqual(area.checks.map((check) => check.id).sort());
      expect(new Set(area.checks.map((check) => check.level))).toEqual(new Set(['bronze', 'silver', 'gold']));
    });

    it('passes every check on a complete plan and reaches gold', async () => {
      const projectId = await projectWithPlan(t.owner, areaSlug, cases.complete());
      const { score, byId } = await outcomesOf(t.owner, projectId, areaSlug);
      for (const check of area.checks) {
        expect(byId.get(check.id), check.id).toMatchObject({ status: 'pass' });
      }
      expect(score.level).toBe('gold');
    });

    for (const check of area.checks) {
      it(`fails ${check.id} when the plan falls short`, async () => {
        const fixture = cases.complete();
        cases.failing[check.id]?.(fixture);
        const projectId = await projectWithPlan(t.owner, areaSlug, fixture);
        const { score, byId } = await outcomesOf(t.owner, projectId, areaSlug);
        const outcome = byId.get(check.id);
        expect(outcome, check.id).toMatchObject({ status: 'fail' });
        expect(outcome.message.length).toBeGreaterThan(0);
        expect(score.level).not.toBe('gold');
      });
    }
  });
}
