import { describeCheckCases } from '../test-helpers.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';
import { multiTenancyFixture } from './multi-tenancy.fixture.ts';

describeCheckCases('multi-tenancy', {
  complete: multiTenancyFixture,
  failing: {
    'tenancy.isolation-model-chosen': (fixture) => {
      fixture['data-isolation-rules'] = [];
    },
    'tenancy.isolation-enforced': (fixture) => {
      delete fixtureRow(fixture, 'data-isolation-rules').enforcement;
    },
    'tenancy.limits-for-every-tier': (fixture) => {
      fixture['tenant-limits']?.pop();
    },
    'tenancy.isolation-verified': (fixture) => {
      fixtureRow(fixture, 'data-isolation-rules').lastVerifiedAt = daysAgo(new Date(), 200);
    },
  },
});
