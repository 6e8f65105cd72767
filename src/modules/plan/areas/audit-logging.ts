import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

// Named apart from Shipshape's own audit tables of the same names, which live in `public`.
export const planAuditRetentionPolicies = planTable('audit_retention_policies', {
  purpose: 'How long audit records are kept, on what legal basis, and how they are disposed of',
  fields: {
    name: field.name(),
    retentionDays: field.int('How long records are kept', 1, 36_500, { required: true }),
    legalBasis: field.label('Why that long (e.g. PCI DSS 10.5.1, a contract)'),
    archiveAfterDays: field.int('When records move to cheaper, slower storage', 1, 36_500),
    archiveLocation: field.label('Where archived records go'),
    disposal: field.enum(['delete', 'anonymise', 'keep-archived'], 'What happens when retention ends'),
    legalHold: field.flag('Whether records under legal hold are kept past retention'),
  },
});

export const planAuditLogs = planTable('audit_logs', {
  purpose: 'Where audit records are written, and what protects them from change and prying',
  fields: {
    name: field.name(),
    store: field.label('Where entries are written (a table, a log service, a bucket)'),
    immutability: field.enum(
      ['append-only-table', 'worm-storage', 'hash-chain', 'none'],
      'What stops entries being changed or deleted',
    ),
    integrityVerification: field.enum(['hash-chain', 'signatures', 'none'], 'How tampering is detected'),
    encryptedAtRest: field.flag('Whether entries are encrypted at rest'),
    readAccess: field.label('Who may read the entries'),
    retentionPolicyId: field.ref(() => planAuditRetentionPolicies, 'How long entries are kept'),
    lastIntegrityCheckAt: field.time('When the integrity of the log was last verified'),
    lastIntegrityCheckResult: field.enum(['passed', 'failed'], 'How that verification ended'),
  },
});

export const planAuditEvents = planTable('audit_events', {
  purpose: 'What must be audited: each action, what its record captures, and which rule requires it',
  fields: {
    name: field.name('Action, as the log names it (e.g. payment.refunded)'),
    category: field.enum(
      [
        'authentication',
        'authorization',
        'data-access',
        'data-change',
        'configuration',
        'administration',
        'security',
        'financial',
      ],
      'Kind of action',
      { required: true },
    ),
    description: field.text('When the event is recorded'),
    auditLogId: field.ref(() => planAuditLogs, 'The log it is written to'),
    capturedFields: field.list('What each record holds (actor, target, before and after, source address)'),
    personalData: field.flag('Whether records hold personal data (then masked or minimised)'),
    requiredBy: field.list('Rules or regulations that require it'),
    verifiedAt: field.time('When a test last showed the action really writes this record'),
  },
});

export const auditSearchIndexes = planTable('audit_search_indexes', {
  purpose: 'How investigators find audit records: indexed fields and who may search',
  fields: {
    name: field.name(),
    auditLogId: field.ref(() => planAuditLogs, 'The log it indexes', { required: true }),
    fields: field.list('Fields searchable (actor, target, action, time)'),
    questions: field.text('Investigations it must answer (who changed X, what did Y do)'),
    searchAccess: field.label('Who may search'),
    lastQueryTestedAt: field.time('When an investigation query was last run against it'),
  },
});

export const auditLoggingArea = defineArea({
  number: 16,
  slug: 'audit-logging',
  key: 'audit',
  title: 'Audit logging and compliance',
  summary: 'What is audited, how audit logs are protected, how long they are kept and how they are searched.',
  tables: {
    auditRetentionPolicies: planAuditRetentionPolicies,
    auditLogs: planAuditLogs,
    auditEvents: planAuditEvents,
    auditSearchIndexes,
  },
  checks: [
    {
      id: 'audit.events-listed',
      level: 'bronze',
      title: 'Audited events are listed',
      why: 'An action that was not audited cannot be investigated afterwards, however good the log is.',
      evaluate: ({ auditEvents }) => atLeast(auditEvents, 'audit events'),
    },
    {
      id: 'audit.events-captured',
      level: 'silver',
      title: 'Every audit event names its log and what its record captures, including the actor',
      why: 'A record without the actor or the target answers none of the questions an investigation asks.',
      evaluate: ({ auditEvents }) =>
        everyRow('audit_events', auditEvents, 'audit events', (event) => {
          const problems = missingOf(event, { auditLogId: 'no log', capturedFields: 'no captured fields' });
          if (event.capturedFields.length > 0 && !event.capturedFields.some((name) => /actor/i.test(name)))
            problems.push('does not capture the actor');
          return problems;
        }),
    },
    {
      id: 'audit.logs-tamper-evident',
      level: 'silver',
      title:
        'Every audit log is immutable, tamper-evident, encrypted, access-restricted and has a retention policy',
      why: 'An audit log its subjects can edit proves nothing, and one kept for the wrong time breaks the rules it serves.',
      evaluate: ({ auditLogs }) =>
        everyRow('audit_logs', auditLogs, 'audit logs', (log) => {
          const problems = missingOf(log, {
            readAccess: 'no read restriction',
            retentionPolicyId: 'no retention policy',
          });
          if (!log.immutability || log.immutability === 'none') problems.push('not immutable');
          if (!log.integrityVerification || log.integrityVerification === 'none')
            problems.push('not tamper-evident');
          if (log.encryptedAtRest !== true) problems.push('not encrypted at rest');
          return problems;
        }),
    },
    {
      id: 'audit.retention-justified',
      level: 'silver',
      title: 'Every retention policy has a legal basis and a disposal decision',
      why: 'Keeping audit records too briefly fails audits; keeping personal data too long breaks privacy law.',
      evaluate: ({ auditRetentionPolicies }) =>
        everyRow('audit_retention_policies', auditRetentionPolicies, 'audit retention policies', (policy) =>
          missingOf(policy, { legalBasis: 'no legal basis', disposal: 'no disposal decision' }),
        ),
    },
    {
      id: 'audit.events-verified',
      level: 'gold',
      title: 'A test showed every audit event is really recorded, within the last 30 days',
      why: 'Audit records go missing when code changes; only a test of the action itself catches that.',
      evaluate: ({ auditEvents }, { now }) =>
        everyRow('audit_events', auditEvents, 'audit events', (event) => {
          if (!event.verifiedAt) return 'never verified';
          return daysBetween(event.verifiedAt, now) > 30 ? 'not verified in 30 days' : null;
        }),
    },
    {
      id: 'audit.integrity-verified',
      level: 'gold',
      title: 'Every audit log passed an integrity verification within the last 30 days',
      why: 'Tamper evidence is worthless until someone checks it; the last verification is that check.',
      evaluate: ({ auditLogs }, { now }) =>
        everyRow('audit_logs', auditLogs, 'audit logs', (log) => {
          if (!log.lastIntegrityCheckAt) return 'integrity never verified';
          if (log.lastIntegrityCheckResult !== 'passed') return 'last verification failed';
          return daysBetween(log.lastIntegrityCheckAt, now) > 30 ? 'not verified in 30 days' : null;
        }),
    },
  ],
});
