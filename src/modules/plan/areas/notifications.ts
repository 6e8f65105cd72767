import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

const purposes = ['transactional', 'security', 'marketing', 'operational'] as const;

export const notificationChannels = planTable('notification_channels', {
  purpose: 'The ways the product reaches people, through which provider and identity',
  fields: {
    name: field.name(),
    kind: field.enum(['email', 'sms', 'push', 'in-app', 'webhook', 'chat'], 'Kind of channel', {
      required: true,
    }),
    provider: field.label('Provider that delivers it'),
    sender: field.label('Who messages come from (address, number, app)'),
    domainAuthenticated: field.flag(
      'For email: whether SPF, DKIM and DMARC are set up for the sending domain',
    ),
    ratePerMinute: field.int('Most messages the provider accepts a minute', 1, 10_000_000),
    fallback: field.label('Channel used when this one fails'),
  },
});

export const notificationTemplates = planTable('notification_templates', {
  purpose: 'Every message the product sends: its purpose, channel, wording and languages',
  fields: {
    name: field.name('Template key, as the code names it'),
    channelId: field.ref(() => notificationChannels, 'The channel it goes out on'),
    purpose: field.enum(purposes, 'Why it is sent', { required: true }),
    subject: field.label('Subject or title'),
    body: field.text('The message, with its variables'),
    variables: field.list('Variables the message needs'),
    locales: field.list('Languages it exists in'),
    unsubscribeLink: field.flag('Whether the message carries an unsubscribe link'),
    owner: field.label('Team or person who owns the wording'),
    lastRenderTestedAt: field.time('When a test last rendered it with real variables'),
  },
});

export const notificationPreferences = planTable('notification_preferences', {
  purpose: 'What people may switch on or off, and what they get unless they choose',
  fields: {
    name: field.name(),
    purpose: field.enum(purposes, 'The kind of messages it governs', { required: true }),
    channelId: field.ref(() => notificationChannels, 'The channel it governs (none: every channel)'),
    enabledByDefault: field.flag('Whether people get these messages until they opt out'),
    userControllable: field.flag('Whether people can change it themselves'),
    consentRecorded: field.flag('Whether opting in is recorded with time and source, as consent'),
  },
});

export const notificationQueue = planTable('notification_queue', {
  purpose: 'How outgoing messages wait, retry, are deduplicated and throttled',
  fields: {
    name: field.name(),
    system: field.label('What carries the queue'),
    maxAttempts: field.int('Attempts before a message is given up', 1, 100),
    backoff: field.enum(['exponential', 'linear', 'fixed'], 'Delay between attempts'),
    dedupeKey: field.label('What makes two messages the same one (so it is sent once)'),
    perRecipientPerHour: field.int('Most messages one person gets an hour', 1, 10_000),
    quietHours: field.label('When non-urgent messages are held (in the recipient’s time zone)'),
  },
});

export const deliveryTracking = planTable('delivery_tracking', {
  purpose: 'What happens after sending: deliveries, bounces, complaints, and the rate achieved',
  fields: {
    name: field.name(),
    channelId: field.ref(() => notificationChannels, 'The channel tracked', { required: true }),
    events: field.list('Events received from the provider (delivered, bounced, complained, opened)'),
    bounceHandling: field.enum(['suppress-address', 'retry-later', 'alert-only'], 'What a hard bounce does'),
    complaintsSuppress: field.flag('Whether a spam complaint stops further messages to that person'),
    targetDeliveryRatePercent: field.decimal('Share of messages that must be delivered', 0, 100),
    measuredDeliveryRatePercent: field.decimal('Share delivered, last measured', 0, 100),
    measuredAt: field.time('When it was measured (reported by the provider)'),
  },
});

export const notificationsArea = defineArea({
  number: 15,
  slug: 'notifications',
  key: 'notifications',
  title: 'Email and notifications',
  summary: 'Channels, templates, preferences and consent, the sending queue and delivery tracking.',
  tables: {
    notificationChannels,
    notificationTemplates,
    notificationPreferences,
    notificationQueue,
    deliveryTracking,
  },
  checks: [
    {
      id: 'notifications.templates-planned',
      level: 'bronze',
      title: 'The messages the product sends are listed',
      why: 'Messages scattered through the code are sent twice, in the wrong language, or not at all.',
      evaluate: ({ notificationTemplates }) => atLeast(notificationTemplates, 'notification templates'),
    },
    {
      id: 'notifications.channels-specified',
      level: 'silver',
      title: 'Every channel has a provider and a sender, and email senders are domain-authenticated',
      why: 'Unauthenticated email lands in spam, and receipts or password resets that never arrive are outages.',
      evaluate: ({ notificationChannels }) =>
        everyRow('notification_channels', notificationChannels, 'notification channels', (channel) => {
          const problems = missingOf(channel, { provider: 'no provider', sender: 'no sender' });
          if (channel.kind === 'email' && channel.domainAuthenticated !== true)
            problems.push('sending domain not authenticated');
          return problems;
        }),
    },
    {
      id: 'notifications.marketing-consent',
      level: 'silver',
      title: 'Marketing messages carry an unsubscribe link and go only to people who opted in',
      why: 'Marketing without consent or an unsubscribe link breaks anti-spam law and gets the sending domain blocked.',
      evaluate: ({ notificationTemplates, notificationPreferences }) => {
        const optIn = notificationPreferences.some(
          (preference) =>
            preference.purpose === 'marketing' &&
            preference.enabledByDefault === false &&
            preference.userControllable === true &&
            preference.consentRecorded === true,
        );
        return everyRow(
          'notification_templates',
          notificationTemplates.filter((template) => template.purpose === 'marketing'),
          'marketing templates',
          (template) => {
            const problems: string[] = [];
            if (template.unsubscribeLink !== true) problems.push('no unsubscribe link');
            if (!optIn) problems.push('no recorded opt-in preference for marketing');
            return problems;
          },
        );
      },
    },
    {
      id: 'notifications.queue-specified',
      level: 'silver',
      title: 'Every notification queue retries, deduplicates and throttles per recipient',
      why: 'Without deduplication a retry sends the same message twice; without throttling a loop floods a person.',
      evaluate: ({ notificationQueue }) => {
        const planned = atLeast(notificationQueue, 'notification queues');
        if (planned.status !== 'pass') return planned;
        return everyRow('notification_queue', notificationQueue, 'notification queues', (queue) =>
          missingOf(queue, {
            maxAttempts: 'no attempt limit',
            dedupeKey: 'no deduplication key',
            perRecipientPerHour: 'no per-recipient throttle',
          }),
        );
      },
    },
    {
      id: 'notifications.bounces-handled',
      level: 'silver',
      title: 'Every email or SMS channel tracks delivery and handles bounces and complaints',
      why: 'Sending again to bouncing addresses and complainers ruins the sender reputation for everyone.',
      evaluate: ({ notificationChannels, deliveryTracking }) =>
        everyRow(
          'notification_channels',
          notificationChannels.filter((channel) => channel.kind === 'email' || channel.kind === 'sms'),
          'email and SMS channels',
          (channel) => {
            const tracking = deliveryTracking.find((candidate) => candidate.channelId === channel.id);
            if (!tracking) return 'delivery not tracked';
            const problems = missingOf(tracking, { bounceHandling: 'no bounce handling' });
            if (tracking.complaintsSuppress !== true) problems.push('complaints do not suppress');
            return problems;
          },
        ),
    },
    {
      id: 'notifications.delivery-rate-met',
      level: 'gold',
      title: 'Every tracked channel met its delivery rate target in the last 7 days',
      why: 'A message that was sent is not a message that arrived; the measured rate is what users experience.',
      evaluate: ({ deliveryTracking }, { now }) =>
        everyRow('delivery_tracking', deliveryTracking, 'delivery tracking', (tracking) => {
          const { targetDeliveryRatePercent: target, measuredDeliveryRatePercent: measured } = tracking;
          if (target === null) return 'no target';
          if (measured === null || !tracking.measuredAt) return 'never measured';
          if (daysBetween(tracking.measuredAt, now) > 7) return 'not measured in 7 days';
          return measured < target ? `${measured}% delivered, target ${target}%` : null;
        }),
    },
    {
      id: 'notifications.templates-render-tested',
      level: 'gold',
      title: 'Every template was rendered in a test within the last 30 days',
      why: 'A template with a missing variable sends "Hello {{name}}" to every customer.',
      evaluate: ({ notificationTemplates }, { now }) =>
        everyRow('notification_templates', notificationTemplates, 'notification templates', (template) => {
          if (!template.lastRenderTestedAt) return 'never rendered in a test';
          return daysBetween(template.lastRenderTestedAt, now) > 30
            ? 'not rendered in a test for 30 days'
            : null;
        }),
    },
  ],
});
