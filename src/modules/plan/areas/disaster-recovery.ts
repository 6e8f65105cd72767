import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const recoveryObjectives = planTable('recovery_objectives', {
  purpose: 'How fast each system must be back (RTO) and how much data it may lose (RPO)',
  fields: {
    name: field.name('System or data set the objective covers'),
    tier: field.enum(['critical', 'important', 'standard'], 'How much the business depends on it', {
      required: true,
    }),
    rtoMinutes: field.int('Recovery time objective: longest acceptable outage, in minutes', 0, 525_600),
    rpoMinutes: field.int('Recovery point objective: most data that may be lost, in minutes', 0, 525_600),
    owner: field.label('Team or person who leads its recovery'),
    justification: field.text('Why these numbers (contracts, regulation, cost of downtime)'),
  },
});

export const backupStrategies = planTable('backup_strategies', {
  purpose: 'What is backed up, how, where to, and for how long',
  fields: {
    name: field.name(),
    recoveryObjectiveId: field.ref(() => recoveryObjectives, 'The objective it serves', { required: true }),
    method: field.enum(
      ['full', 'incremental', 'differential', 'continuous-archiving', 'snapshot', 'replication'],
      'How copies are made',
      { required: true },
    ),
    scope: field.text('What is copied (databases, buckets, configuration)'),
    storageLocation: field.label('Where copies are kept'),
    offsite: field.flag('Whether copies are kept in another region or account'),
    encrypted: field.flag('Whether copies are encrypted at rest'),
    immutable: field.flag('Whether copies cannot be changed or deleted before they expire'),
    retentionDays: field.int('How long copies are kept', 1, 36_500),
  },
});

export const backupSchedules = planTable('backup_schedules', {
  purpose: 'When backups run, and how the last one went',
  fields: {
    name: field.name(),
    backupStrategyId: field.ref(() => backupStrategies, 'The strategy it runs', { required: true }),
    cron: field.label('Cron expression, for periodic backups'),
    intervalMinutes: field.int('Minutes between backups (continuous: the archiving delay)', 1, 525_600, {
      required: true,
    }),
    alertOnFailure: field.flag('Whether a failed or missed backup alerts someone'),
    lastSucceededAt: field.time('When a backup last succeeded (reported by the backup tool)'),
    lastStatus: field.enum(['succeeded', 'failed'], 'How the last backup ended'),
  },
});

export const backupTestPlans = planTable('backup_test_plans', {
  purpose: 'Restore drills that prove backups meet the objectives',
  fields: {
    name: field.name(),
    recoveryObjectiveId: field.ref(() => recoveryObjectives, 'The objective it proves', { required: true }),
    procedure: field.text('The restore steps, and how the restored data is checked'),
    frequencyDays: field.int('Days between drills', 1, 3650),
    lastRunAt: field.time('When the drill last ran'),
    lastResult: field.enum(['passed', 'failed'], 'How the last drill ended'),
    measuredRtoMinutes: field.int('How long the last restore took, in minutes', 0, 525_600),
    measuredRpoMinutes: field.int('How much data the last restore lost, in minutes', 0, 525_600),
  },
});

export const disasterRecoveryArea = defineArea({
  number: 18,
  slug: 'disaster-recovery',
  key: 'dr',
  title: 'Disaster recovery',
  summary: 'Recovery objectives, backup strategies and schedules, and the drills that prove a restore works.',
  tables: { recoveryObjectives, backupStrategies, backupSchedules, backupTestPlans },
  checks: [
    {
      id: 'dr.objectives-set',
      level: 'bronze',
      title: 'Recovery objectives are set',
      why: 'Backups are sized by how much loss and downtime are acceptable; without objectives they are guesses.',
      evaluate: ({ recoveryObjectives }) => atLeast(recoveryObjectives, 'recovery objectives'),
    },
    {
      id: 'dr.objectives-specified',
      level: 'silver',
      title: 'Every recovery objective has an RTO, an RPO and an owner',
      why: 'In a disaster someone must lead the recovery, against numbers agreed beforehand.',
      evaluate: ({ recoveryObjectives }) =>
        everyRow('recovery_objectives', recoveryObjectives, 'recovery objectives', (objective) =>
          missingOf(objective, { rtoMinutes: 'no RTO', rpoMinutes: 'no RPO', owner: 'no owner' }),
        ),
    },
    {
      id: 'dr.backups-meet-rpo',
      level: 'silver',
      title: 'Every objective has offsite, encrypted backups scheduled at least as often as its RPO',
      why: 'Backups taken less often than the RPO lose more data than promised; onsite copies die with the site.',
      evaluate: ({ recoveryObjectives, backupStrategies, backupSchedules }) =>
        everyRow('recovery_objectives', recoveryObjectives, 'recovery objectives', (objective) => {
          const strategies = backupStrategies.filter(
            (strategy) => strategy.recoveryObjectiveId === objective.id,
          );
          if (strategies.length === 0) return 'no backup strategy';
          const problems: string[] = [];
          if (!strategies.some((strategy) => strategy.offsite === true)) problems.push('no offsite copy');
          if (!strategies.some((strategy) => strategy.encrypted === true))
            problems.push('backups not encrypted');
          const intervals = backupSchedules
            .filter((schedule) => strategies.some((strategy) => strategy.id === schedule.backupStrategyId))
            .flatMap((schedule) => schedule.intervalMinutes ?? []);
          if (intervals.length === 0) problems.push('no backup schedule');
          else if (objective.rpoMinutes !== null && Math.min(...intervals) > objective.rpoMinutes)
            problems.push('backups less frequent than the RPO');
          return problems;
        }),
    },
    {
      id: 'dr.test-plan-for-every-objective',
      level: 'silver',
      title: 'Every recovery objective has a restore drill with a procedure',
      why: 'A backup that was never restored is a hope, not a backup.',
      evaluate: ({ recoveryObjectives, backupTestPlans }) =>
        everyRow('recovery_objectives', recoveryObjectives, 'recovery objectives', (objective) =>
          backupTestPlans.some((plan) => plan.recoveryObjectiveId === objective.id && plan.procedure.trim())
            ? null
            : 'no restore drill with a procedure',
        ),
    },
    {
      id: 'dr.backups-succeeding',
      level: 'gold',
      title:
        'Every backup schedule alerts on failure and last succeeded within two intervals (at least a day)',
      why: 'Backups fail silently more often than disasters happen; the last success is the evidence.',
      evaluate: ({ backupSchedules }, { now }) =>
        everyRow('backup_schedules', backupSchedules, 'backup schedules', (schedule) => {
          if (schedule.alertOnFailure !== true) return 'failures do not alert';
          if (!schedule.lastSucceededAt || schedule.lastStatus !== 'succeeded')
            return 'last backup did not succeed';
          const allowedMinutes = Math.max(2 * (schedule.intervalMinutes ?? 0), 1440);
          const ageMinutes = (now.getTime() - new Date(schedule.lastSucceededAt).getTime()) / 60_000;
          return ageMinutes > allowedMinutes ? 'no recent successful backup' : null;
        }),
    },
    {
      id: 'dr.restore-drilled-within-90-days',
      level: 'gold',
      title: 'Every recovery objective had a passing restore drill within 90 days, within its RTO and RPO',
      why: 'Only a recent restore, timed against the objectives, shows the business can really come back.',
      evaluate: ({ recoveryObjectives, backupTestPlans }, { now }) =>
        everyRow('recovery_objectives', recoveryObjectives, 'recovery objectives', (objective) => {
          const drills = backupTestPlans.filter(
            (plan) =>
              plan.recoveryObjectiveId === objective.id &&
              plan.lastRunAt &&
              plan.lastResult === 'passed' &&
              daysBetween(plan.lastRunAt, now) <= 90,
          );
          if (drills.length === 0) return 'no passing drill in 90 days';
          const withinObjectives = drills.some(
            (plan) =>
              (objective.rtoMinutes === null ||
                (plan.measuredRtoMinutes !== null && plan.measuredRtoMinutes <= objective.rtoMinutes)) &&
              (objective.rpoMinutes === null ||
                (plan.measuredRpoMinutes !== null && plan.measuredRpoMinutes <= objective.rpoMinutes)),
          );
          return withinObjectives ? null : 'last drill missed the RTO or RPO';
        }),
    },
  ],
});
