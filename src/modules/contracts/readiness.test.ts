import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { outcomesOf } from '../plan/test-helpers.ts';
import { contracts, ordersApiBroken, plan, projectWithFirstVersion, upload } from './test-helpers.ts';

// The readiness checks that contract uploads feed, evaluated on what real uploads record.

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const withFirstVersion = () => projectWithFirstVersion(owner);

describe('the readiness checks of breaking change management', () => {
  it('fails contracts.latest-version-reviewed until the current version is reviewed', async () => {
    const { projectId } = await withFirstVersion();
    const outcome = async (id: string) =>
      (await outcomesOf(owner, projectId, 'breaking-change-management')).byId.get(id);
    expect(await outcome('contracts.latest-version-reviewed')).toMatchObject({ status: 'pass' });
    const second = await upload(owner, projectId, '2.0.0', ordersApiBroken());
    const unreviewed = await outcome('contracts.latest-version-reviewed');
    expect(unreviewed).toMatchObject({ status: 'fail', rows: [{ table: 'breaking_changes' }] });
    expect(unreviewed.message).toContain('payments 2.0.0: GET /orders');
    await owner.post(contracts(projectId, 'payments', `versions/${second.body.version.id}/review`), {
      decision: 'rejected',
    });
    expect(await outcome('contracts.latest-version-reviewed')).toMatchObject({ status: 'pass' });
  });

  it('fails contracts.breaking-changes-guided until every affected consumer is notified', async () => {
    const { projectId } = await withFirstVersion();
    const outcome = async () =>
      (await outcomesOf(owner, projectId, 'breaking-change-management')).byId.get(
        'contracts.breaking-changes-guided',
      );
    expect(await outcome()).toMatchObject({ status: 'not_applicable' });
    await upload(owner, projectId, '2.0.0', ordersApiBroken());
    const untold = await outcome();
    expect(untold.status).toBe('fail');
    expect(untold.message).toContain('mobile app not notified');
    const [consumer] = (await owner.get(plan(projectId, 'affected-consumers'))).body.data;
    const told = await owner.patch(`${plan(projectId, 'affected-consumers')}/${consumer.id}`, {
      notifiedAt: new Date().toISOString(),
    });
    expect(told.status, JSON.stringify(told.body)).toBe(200);
    expect(await outcome()).toMatchObject({ status: 'pass' });
  });
});
