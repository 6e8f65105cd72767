import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const secretsInventory = planTable('secrets_inventory', {
  purpose: 'Every secret and key the system uses: what it is, where it is kept, who owns it',
  fields: {
    name: field.name('Secret, as the configuration names it (never its value)'),
    kind: field.enum(
      [
        'api-key',
        'database-credential',
        'signing-key',
        'encryption-key',
        'tls-certificate',
        'oauth-client-secret',
        'webhook-secret',
        'password',
        'other',
      ],
      'What kind of secret it is',
      { required: true },
    ),
    sensitivity: field.enum(['critical', 'high', 'medium', 'low'], 'Damage if it leaks', { required: true }),
    store: field.enum(
      [
        'vault',
        'aws-secrets-manager',
        'gcp-secret-manager',
        'azure-key-vault',
        'kms',
        'kubernetes-secret',
        'environment-variable',
        'file',
        'other',
      ],
      'Where it is kept',
    ),
    environment: field.label('Environment it belongs to (e.g. production)'),
    usedBy: field.list('Services that read it'),
    owner: field.label('Team or person who rotates and revokes it'),
    expiresAt: field.time('When it stops working on its own (certificates, tokens)'),
  },
});

export const rotationSchedules = planTable('rotation_schedules', {
  purpose: 'How often each secret is rotated, how, and when it last was',
  fields: {
    name: field.name(),
    secretId: field.ref(() => secretsInventory, 'The secret', { required: true }),
    intervalDays: field.int('Days between rotations', 1, 3650, { required: true }),
    method: field.enum(['automatic', 'manual'], 'Whether rotation runs by itself', { required: true }),
    procedure: field.text('The steps, including how services pick up the new value without downtime'),
    lastRotatedAt: field.time('When it was last rotated (reported by the store or the team)'),
  },
});

export const keyVersions = planTable('key_versions', {
  purpose: 'The versions of each key, so that old data stays readable and retired keys stay retired',
  fields: {
    name: field.name('Version label (e.g. 2026-11)'),
    secretId: field.ref(() => secretsInventory, 'The key', { required: true }),
    version: field.int('Version number', 1, 1_000_000, { required: true }),
    status: field.enum(
      ['pending', 'active', 'retiring', 'retired', 'compromised'],
      'Where the version stands',
      {
        default: 'pending',
      },
    ),
    activatedAt: field.time('When it started being used'),
    retireAfter: field.date('When it stops being used to sign or encrypt'),
  },
});

export const keyAccessLogs = planTable('key_access_logs', {
  purpose: 'Where reads of each secret are logged, who reviews that log, and when they last did',
  fields: {
    name: field.name(),
    secretId: field.ref(() => secretsInventory, 'The secret', { required: true }),
    destination: field.label('Where access is logged (e.g. CloudTrail, the vault audit device)'),
    alertOnAnomaly: field.flag('Whether unusual access alerts someone'),
    reviewer: field.label('Who reviews the log'),
    reviewIntervalDays: field.int('Days between reviews', 1, 365),
    lastReviewedAt: field.time('When the log was last reviewed'),
  },
});

const managedStores: readonly string[] = [
  'vault',
  'aws-secrets-manager',
  'gcp-secret-manager',
  'azure-key-vault',
  'kms',
];
const sensitive = (secret: { sensitivity: string | null }) =>
  secret.sensitivity === 'critical' || secret.sensitivity === 'high';

export const secretsAndKeysArea = defineArea({
  number: 20,
  slug: 'secrets-and-keys',
  key: 'secrets',
  title: 'Secrets and keys',
  summary: 'The secrets inventory, rotation schedules, key versions and who reads which secret.',
  tables: { secretsInventory, rotationSchedules, keyVersions, keyAccessLogs },
  checks: [
    {
      id: 'secrets.inventory-listed',
      level: 'bronze',
      title: 'Secrets are inventoried',
      why: 'A secret nobody listed is one nobody rotates or revokes after a leak.',
      evaluate: ({ secretsInventory }) => atLeast(secretsInventory, 'secrets'),
    },
    {
      id: 'secrets.owned-and-stored',
      level: 'silver',
      title: 'Every secret has an owner and a store, and sensitive ones are in a managed secret store',
      why: 'Critical keys in environment variables or files leak through logs, images and backups.',
      evaluate: ({ secretsInventory }) =>
        everyRow('secrets_inventory', secretsInventory, 'secrets', (secret) => {
          const problems = missingOf(secret, { owner: 'no owner', store: 'no store' });
          if (secret.store && sensitive(secret) && !managedStores.includes(secret.store))
            problems.push(`${secret.sensitivity} secret kept in ${secret.store}`);
          return problems;
        }),
    },
    {
      id: 'secrets.rotation-for-every-secret',
      level: 'silver',
      title: 'Every secret has a rotation schedule with a procedure',
      why: 'Rotation decided only after a leak is done in a hurry, and usually breaks something.',
      evaluate: ({ secretsInventory, rotationSchedules }) =>
        everyRow('secrets_inventory', secretsInventory, 'secrets', (secret) => {
          const schedule = rotationSchedules.find((candidate) => candidate.secretId === secret.id);
          if (!schedule) return 'no rotation schedule';
          return schedule.method === 'manual' && !schedule.procedure.trim() ? 'no rotation procedure' : null;
        }),
    },
    {
      id: 'secrets.one-active-key-version',
      level: 'silver',
      title: 'Every versioned key has exactly one active version and no compromised version in use',
      why: 'Two active versions make signatures ambiguous; a compromised version still active is an open door.',
      evaluate: ({ secretsInventory, keyVersions }) =>
        everyRow(
          'secrets_inventory',
          secretsInventory.filter((secret) => keyVersions.some((version) => version.secretId === secret.id)),
          'versioned keys',
          (secret) => {
            const active = keyVersions.filter(
              (version) => version.secretId === secret.id && version.status === 'active',
            );
            return active.length === 1 ? null : `${active.length} active versions`;
          },
        ),
    },
    {
      id: 'secrets.access-logged',
      level: 'silver',
      title: 'Access to every critical or high secret is logged, alerts on anomalies and has a reviewer',
      why: 'Without an access log, a leaked key is used quietly until the damage shows.',
      evaluate: ({ secretsInventory, keyAccessLogs }) =>
        everyRow(
          'secrets_inventory',
          secretsInventory.filter(sensitive),
          'critical or high secrets',
          (secret) => {
            const log = keyAccessLogs.find((candidate) => candidate.secretId === secret.id);
            if (!log) return 'access not logged';
            const problems = missingOf(log, { destination: 'no log destination', reviewer: 'no reviewer' });
            if (log.alertOnAnomaly !== true) problems.push('no anomaly alert');
            return problems;
          },
        ),
    },
    {
      id: 'secrets.rotated-on-time',
      level: 'gold',
      title: 'Every secret was rotated within its interval, and none has expired',
      why: 'A rotation schedule is only a plan until rotations happen; expired certificates are outages.',
      evaluate: ({ secretsInventory, rotationSchedules }, { now }) =>
        everyRow('secrets_inventory', secretsInventory, 'secrets', (secret) => {
          if (secret.expiresAt && new Date(secret.expiresAt).getTime() <= now.getTime()) return 'expired';
          const schedule = rotationSchedules.find((candidate) => candidate.secretId === secret.id);
          if (!schedule) return 'no rotation schedule';
          if (!schedule.lastRotatedAt) return 'never rotated';
          return daysBetween(schedule.lastRotatedAt, now) > (schedule.intervalDays ?? 0)
            ? 'rotation overdue'
            : null;
        }),
    },
    {
      id: 'secrets.access-reviewed',
      level: 'gold',
      title: 'Every access log was reviewed within its interval (90 days unless set)',
      why: 'Logs nobody reads detect nothing; the review date is the evidence someone looked.',
      evaluate: ({ keyAccessLogs }, { now }) =>
        everyRow('key_access_logs', keyAccessLogs, 'key access logs', (log) => {
          if (!log.lastReviewedAt) return 'never reviewed';
          const interval = log.reviewIntervalDays ?? 90;
          return daysBetween(log.lastReviewedAt, now) > interval ? `not reviewed in ${interval} days` : null;
        }),
    },
  ],
});
