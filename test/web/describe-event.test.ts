import { describe, expect, it } from 'vitest';
import {
  type ActivityEvent,
  describeEvent,
  mayRead,
  type Names,
  shownInActivity,
} from '../../web/src/features/audit/describe-event.ts';

const bea = 'u-bea';
const rita = 'u-rita';
const payments = 'p-payments';
const refunds = 'prd-refunds';

const names: Names = {
  person: (id) => ({ [bea]: 'Bea', [rita]: 'Rita' })[id],
  entity: (type, id) =>
    type === 'prd_review' && id === refunds ? { name: 'Refunds v2', projectId: payments } : undefined,
  project: (id) => (id === payments ? 'Payments' : undefined),
};

function event(eventType: string, fields: Partial<ActivityEvent> = {}): ActivityEvent {
  return {
    eventType,
    aggregateType: eventType.split('.')[0] ?? '',
    aggregateId: refunds,
    userId: bea,
    eventData: { changes: {} },
    ...fields,
  };
}

describe('describing an audit event in words', () => {
  it('names who did what to which entity in which project', () => {
    expect(describeEvent(event('prd_review.approved'), names)).toBe('Bea approved Refunds v2 in Payments');
    expect(describeEvent(event('prd_review.changes_requested', { userId: rita }), names)).toBe(
      'Rita requested changes to Refunds v2 in Payments',
    );
    expect(describeEvent(event('prd_review.submitted'), names)).toBe(
      'Bea submitted Refunds v2 for review in Payments',
    );
  });

  it('takes a name the event itself recorded when the screen does not know the entity', () => {
    const created = event('decision_log.created', {
      aggregateId: 'd-1',
      eventData: {
        changes: {
          title: { before: null, after: 'Use the provider' },
          projectId: { before: null, after: payments },
        },
      },
    });
    expect(describeEvent(created, names)).toBe('Bea created Use the provider in Payments');
  });

  it('names projects as projects and never shows a raw event type', () => {
    const project = event('project.updated', {
      aggregateId: payments,
      eventData: { changes: { name: { before: 'Pay', after: 'Payments' } } },
    });
    expect(describeEvent(project, names)).toBe('Bea edited the project Payments');
    const unknown = event('prd_review.withdrawn', { aggregateId: 'prd-x' });
    expect(describeEvent(unknown, names)).toBe('Bea withdrew a PRD');
    const novel = event('readiness_waiver.extended_twice', { aggregateId: 'w-1' });
    expect(describeEvent(novel, names)).toBe('Bea extended twice a waiver');
    expect(describeEvent(novel, names)).not.toContain('.');
  });

  it('says who for people, settings and sign-ins', () => {
    const role = event('membership.role_changed', {
      aggregateId: rita,
      eventData: { changes: { role: { before: 'viewer', after: 'reviewer' } } },
    });
    expect(describeEvent(role, names)).toBe('Bea changed the role of Rita to reviewer');
    expect(describeEvent(event('search_settings.updated', { aggregateId: 'w' }), names)).toBe(
      'Bea edited the search settings',
    );
    expect(describeEvent(event('session.signed_in', { userId: rita }), names)).toBe('Rita signed in');
    expect(describeEvent(event('instance.backed_up', { userId: null, aggregateId: 'i' }), names)).toBe(
      'Shipshape backed up an instance',
    );
    expect(describeEvent(event('prd_review.approved', { userId: 'u-gone' }), names)).toBe(
      'Someone approved Refunds v2 in Payments',
    );
  });

  it('shows administrative events to administrators and to whoever did them, only', () => {
    const token = event('token.created', { aggregateType: 'api_token', aggregateId: 't-1', userId: rita });
    expect(mayRead(token, { userId: bea, role: 'admin' })).toBe(true);
    expect(mayRead(token, { userId: bea, role: 'reviewer' })).toBe(false);
    expect(mayRead(token, { userId: rita, role: 'reviewer' })).toBe(true);
    expect(
      mayRead(event('invitation.created', { aggregateId: 'i-1' }), { userId: rita, role: 'viewer' }),
    ).toBe(false);
    expect(mayRead(event('prd_review.approved'), { userId: rita, role: 'viewer' })).toBe(true);
  });

  it('leaves sign-ins out of the activity, for everyone', () => {
    const signIn = event('session.signed_in', { aggregateType: 'session', aggregateId: 's-1' });
    expect(shownInActivity(signIn, { userId: bea, role: 'owner' })).toBe(false);
    expect(shownInActivity(event('prd_review.approved'), { userId: rita, role: 'viewer' })).toBe(true);
  });
});
