import { describeCheckCases } from '../test-helpers.ts';
import { fixtureRow } from './fixture-support.ts';
import { notificationsFixture } from './notifications.fixture.ts';

describeCheckCases('notifications', {
  complete: notificationsFixture,
  failing: {
    'notifications.templates-planned': (fixture) => {
      fixture['notification-templates'] = [];
    },
    'notifications.channels-specified': (fixture) => {
      fixtureRow(fixture, 'notification-channels', 0).domainAuthenticated = false;
    },
    'notifications.marketing-consent': (fixture) => {
      fixtureRow(fixture, 'notification-preferences').enabledByDefault = true;
    },
    'notifications.queue-specified': (fixture) => {
      delete fixtureRow(fixture, 'notification-queue').dedupeKey;
    },
    'notifications.bounces-handled': (fixture) => {
      fixtureRow(fixture, 'delivery-tracking').complaintsSuppress = false;
    },
    'notifications.delivery-rate-met': (fixture) => {
      fixtureRow(fixture, 'delivery-tracking').measuredDeliveryRatePercent = 91;
    },
    'notifications.templates-render-tested': (fixture) => {
      delete fixtureRow(fixture, 'notification-templates', 0).lastRenderTestedAt;
    },
  },
});
