import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Email and notifications area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function notificationsFixture(now = new Date()): AreaImport {
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
          lastRenderTestedAt: daysAgo(now, 2),
        },
      },
      {
        values: {
          name: 'monthly-newsletter',
          channelId: '@email',
          purpose: 'marketing',
          unsubscribeLink: true,
          lastRenderTestedAt: daysAgo(now, 10),
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
          measuredAt: daysAgo(now, 1),
        },
      },
    ],
  };
}
