import { defineArea } from '../area.ts';
import { atLeast, type CheckResult, daysBetween, everyRow, missingOf, result } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const apiContracts = planTable('api_contracts', {
  purpose: 'Versioned contracts the system offers (APIs, events, libraries, schemas)',
  fields: {
    name: field.name(),
    kind: field.enum(
      ['openapi', 'graphql', 'grpc', 'asyncapi', 'library', 'database'],
      'What kind of contract',
      {
        required: true,
      },
    ),
    currentVersion: field.label('Current version (semantic version or date)', { required: true }),
    specUrl: field.url('Where the machine-readable contract lives'),
    status: field.enum(['draft', 'published', 'deprecated', 'retired'], 'Where it stands', {
      default: 'draft',
    }),
    owner: field.label('Team that owns the contract'),
  },
});

export const deprecationSchedules = planTable('deprecation_schedules', {
  purpose: 'The timeline from announcing a deprecation to switching the old behaviour off',
  fields: {
    name: field.name(),
    contractId: field.ref(() => apiContracts, 'The contract', { required: true }),
    announcedOn: field.date('When consumers are told'),
    sunsetOn: field.date('When the old behaviour stops'),
    communicationPlan: field.text('How and where consumers are told, and reminded'),
  },
});

export const migrationGuides = planTable('migration_guides', {
  purpose: 'How consumers move from the old behaviour to the new one',
  fields: {
    name: field.name(),
    url: field.url('Where the guide is published'),
    body: field.text('The steps, with before and after examples', 50_000),
  },
});

export const breakingChanges = planTable('breaking_changes', {
  purpose: 'Changes that break consumers, detected by diffing contracts or by review',
  fields: {
    name: field.name(),
    contractId: field.ref(() => apiContracts, 'The contract it breaks', { required: true }),
    description: field.text('What changes, and what breaks for consumers'),
    detectedBy: field.enum(['contract-diff', 'review', 'consumer-report'], 'How it was found'),
    status: field.enum(['proposed', 'approved', 'shipped', 'rejected'], 'Where it stands', {
      default: 'proposed',
    }),
    deprecationScheduleId: field.ref(() => deprecationSchedules, 'Its deprecation timeline'),
    migrationGuideId: field.ref(() => migrationGuides, 'How consumers migrate'),
    contractVersion: field.label(
      'The contract version that introduces it (uploads of contract versions set it)',
    ),
  },
});

export const affectedConsumers = planTable('affected_consumers', {
  purpose: 'Who is impacted by a breaking change, and whether they have moved',
  fields: {
    name: field.name(),
    breakingChangeId: field.ref(() => breakingChanges, 'The change', { required: true }),
    contact: field.label('Who to talk to'),
    notifiedAt: field.time('When they were told'),
    migrated: field.flag('Whether they have moved to the new behaviour', { default: false }),
  },
});

const noticeDays = 90;

type ContractRow = typeof apiContracts.$inferSelect;
type BreakingChangeRow = typeof breakingChanges.$inferSelect;
type AffectedConsumerRow = typeof affectedConsumers.$inferSelect;

/** Changes found by diffing uploaded versions, as opposed to those written down by hand. */
const fromContractDiffs = (changes: BreakingChangeRow[]) =>
  changes.filter((change) => change.detectedBy === 'contract-diff');

/**
 * The silver check fed by contract uploads: the breaking changes a contract's current version
 * introduces (uploads record them as proposed) have each been accepted or rejected by a review.
 */
function latestVersionsReviewed(contracts: ContractRow[], changes: BreakingChangeRow[]): CheckResult {
  if (contracts.length === 0)
    return result.notApplicable('No contracts registered, so no versions to review.');
  const unreviewed = fromContractDiffs(changes).filter((change) => {
    const contract = contracts.find((candidate) => candidate.id === change.contractId);
    return change.status === 'proposed' && contract && change.contractVersion === contract.currentVersion;
  });
  if (unreviewed.length === 0)
    return result.pass('No contract has an unreviewed breaking change in its current version.');
  const named = unreviewed.slice(0, 10).map((change) => change.name);
  return result.fail(
    `${unreviewed.length} breaking change${unreviewed.length === 1 ? '' : 's'} of current versions not reviewed: ${named.join('; ')}.`,
    unreviewed.map((change) => ({ table: 'breaking_changes', id: change.id, name: change.name })),
  );
}

/**
 * The gold check: every breaking change a contract diff found (and nobody rejected) comes with a
 * migration guide, and every consumer it affects has been told.
 */
function breakingChangesGuided(changes: BreakingChangeRow[], consumers: AffectedConsumerRow[]): CheckResult {
  const found = fromContractDiffs(changes).filter((change) => change.status !== 'rejected');
  if (found.length === 0)
    return result.notApplicable('No breaking change found by a contract diff, so none to guide.');
  return everyRow('breaking_changes', found, 'breaking changes found by contract diffs', (change) => {
    const problems = missingOf(change, { migrationGuideId: 'no migration guide' });
    const untold = consumers.filter(
      (consumer) => consumer.breakingChangeId === change.id && !consumer.notifiedAt,
    );
    if (untold.length > 0)
      problems.push(`${untold.map((consumer) => consumer.name).join(', ')} not notified`);
    return problems;
  });
}

export const breakingChangeManagement = defineArea({
  number: 2,
  slug: 'breaking-change-management',
  key: 'contracts',
  title: 'Breaking change management',
  summary:
    'Versioned contracts, detected breaking changes, deprecation timelines, affected consumers and migration guides.',
  tables: { apiContracts, breakingChanges, deprecationSchedules, affectedConsumers, migrationGuides },
  checks: [
    {
      id: 'contracts.contracts-registered',
      level: 'bronze',
      title: 'The contracts the system offers are registered',
      why: 'A change can only be recognised as breaking against a known contract.',
      evaluate: ({ apiContracts }) => atLeast(apiContracts, 'contracts'),
    },
    {
      id: 'contracts.contracts-owned-with-spec',
      level: 'silver',
      title: 'Every contract has an owner and a machine-readable specification',
      why: 'Contract diffing needs the real document, and someone must decide on every breaking change.',
      evaluate: ({ apiContracts }) =>
        everyRow(
          'api_contracts',
          apiContracts.filter((contract) => contract.status !== 'retired'),
          'contracts',
          (contract) => missingOf(contract, { owner: 'no owner', specUrl: 'no specification' }),
        ),
    },
    {
      id: 'contracts.breaking-changes-planned',
      level: 'silver',
      title: 'Every breaking change has a deprecation schedule, a migration guide and its affected consumers',
      why: 'Consumers cope with a breaking change when they know when, how, and that it concerns them.',
      evaluate: ({ breakingChanges, affectedConsumers }) =>
        everyRow(
          'breaking_changes',
          breakingChanges.filter((change) => change.status !== 'rejected'),
          'breaking changes',
          (change) => {
            const problems = missingOf(change, {
              deprecationScheduleId: 'no deprecation schedule',
              migrationGuideId: 'no migration guide',
            });
            if (!affectedConsumers.some((consumer) => consumer.breakingChangeId === change.id)) {
              problems.push('no affected consumers listed');
            }
            return problems;
          },
        ),
    },
    {
      id: 'contracts.deprecation-notice-period',
      level: 'silver',
      title: `Every deprecation gives at least ${noticeDays} days between announcement and sunset`,
      why: 'Consumers plan their work in quarters; shorter notice turns a deprecation into an outage.',
      evaluate: ({ deprecationSchedules }) =>
        everyRow('deprecation_schedules', deprecationSchedules, 'deprecation schedules', (schedule) => {
          if (!schedule.announcedOn || !schedule.sunsetOn) return 'dates missing';
          const days = daysBetween(schedule.announcedOn, schedule.sunsetOn);
          return days < noticeDays ? `only ${days} days of notice` : null;
        }),
    },
    {
      id: 'contracts.latest-version-reviewed',
      level: 'silver',
      title: "No contract's current version has a breaking change nobody reviewed",
      why: 'A breaking change someone accepted is a decision; one nobody looked at is an accident on its way to consumers.',
      evaluate: ({ apiContracts, breakingChanges }) => latestVersionsReviewed(apiContracts, breakingChanges),
    },
    {
      id: 'contracts.breaking-changes-guided',
      level: 'gold',
      title:
        'Every breaking change a contract diff found has a migration guide, and every affected consumer was notified',
      why: 'Consumers move when they know that a change concerns them and how to adapt; a guide nobody received changes nothing.',
      evaluate: ({ breakingChanges, affectedConsumers }) =>
        breakingChangesGuided(breakingChanges, affectedConsumers),
    },
    {
      id: 'contracts.consumers-migrated-before-shipping',
      level: 'gold',
      title: 'Every shipped breaking change had all its consumers notified and migrated',
      why: 'Shipping before consumers moved is the breakage the process exists to prevent.',
      evaluate: ({ breakingChanges, affectedConsumers }) =>
        everyRow(
          'breaking_changes',
          breakingChanges.filter((change) => change.status === 'shipped'),
          'shipped breaking changes',
          (change) => {
            const behind = affectedConsumers.filter(
              (consumer) =>
                consumer.breakingChangeId === change.id && (!consumer.migrated || !consumer.notifiedAt),
            );
            return behind.length > 0
              ? `${behind.map((consumer) => consumer.name).join(', ')} not migrated`
              : null;
          },
        ),
    },
  ],
});
