import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'notification-channels': [
      {
        ref: 'email',
        values: {
          name: 'transactional email',
          kind: 'email',
          provider: 'an SMTP relay',
          sender: 'receipts@pay.example',
          domainAuthenticated: true,
        },
      },
      {
        ref: 'inapp',
        values: { name: 'dashboard inbox', kind: 'in-app', provider: 'ourselves', sender: 'Payments' },
      },
    ],
    'notification-templates': [
      {
        values: {
          name: 'payment-receipt',
          channelId: '@email',
          purpose: 'transactional',
          subject: 'Your receipt',
          locales: ['en', 'fr'],
          lastRenderTestedAt: daysAgo(2),
        },
      },
      {
        values: {
          name: 'monthly-newsletter',
          channelId: '@email',
          purpose: 'marketing',
          unsubscribeLink: true,
          lastRenderTestedAt: daysAgo(10),
        },
      },
    ],
    'notification-preferences': [
      {
        values: {
          name: 'product news',
          purpose: 'marketing',
          enabledByDefault: false,
          userControllable: true,
          consentRecorded: true,
        },
      },
    ],
    'notification-queue': [
      {
        values: {
          name: 'outbox',
          system: 'pg-boss',
          maxAttempts: 5,
          backoff: 'exponential',
          dedupeKey: 'template and payment id',
          perRecipientPerHour: 20,
        },
      },
    ],
    'delivery-tracking': [
      {
        values: {
          name: 'email events',
          channelId: '@email',
          events: ['delivered', 'bounced', 'complained'],
          bounceHandling: 'suppress-address',
          complaintsSuppress: true,
          targetDeliveryRatePercent: 98,
          measuredDeliveryRatePercent: 99.2,
          measuredAt: daysAgo(1),
        },
      },
    ],
  };
}

describeCheckCases('notifications', {
  complete,
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
