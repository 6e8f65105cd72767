import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const vendorDependencies = planTable('vendor_dependencies', {
  purpose: 'Each outside vendor the project relies on, and how hard it would be to leave',
  fields: {
    name: field.name('Vendor and service (e.g. AWS RDS)'),
    category: field.enum(
      [
        'cloud-infrastructure',
        'database',
        'identity',
        'payments',
        'messaging',
        'observability',
        'storage',
        'cdn',
        'machine-learning',
        'other',
      ],
      'What the vendor provides',
      { required: true },
    ),
    usage: field.text('What the project uses it for'),
    lockInRisk: field.enum(['low', 'medium', 'high'], 'How hard leaving would be'),
    holdsData: field.flag('Whether the vendor keeps data the project must be able to take away'),
    proprietaryFeatures: field.list('Features used that no other vendor offers the same way'),
    alternatives: field.list('Vendors or open tools that could replace it'),
    annualCost: field.decimal('What it costs a year, in the currency of the plan', 0, 1e12),
    contractRenewal: field.date('When the contract renews or can be left'),
    owner: field.label('Team or person who owns the relationship'),
  },
});

export const vendorAbstractions = planTable('vendor_abstractions', {
  purpose: 'The seams in the code that keep a vendor replaceable',
  fields: {
    name: field.name(),
    vendorDependencyId: field.ref(() => vendorDependencies, 'The vendor it isolates', { required: true }),
    pattern: field.enum(
      ['adapter-interface', 'standard-protocol', 'orm', 'sdk-wrapper', 'none'],
      'How the vendor is kept behind a seam',
      { required: true },
    ),
    coverage: field.enum(['full', 'partial'], 'Whether every call goes through the seam'),
    location: field.label('Where the seam is in the code'),
    notes: field.text('What still leaks through'),
  },
});

export const dataExportFormats = planTable('data_export_formats', {
  purpose: "How the project's data comes out of a vendor, and when that was last tried",
  fields: {
    name: field.name(),
    vendorDependencyId: field.ref(() => vendorDependencies, 'The vendor that holds the data', {
      required: true,
    }),
    format: field.label('Format of the export (e.g. pg_dump, Parquet, CSV)', { required: true }),
    openStandard: field.flag('Whether another tool can read the format without the vendor'),
    method: field.text('How an export is made, and how long it takes'),
    lastTestedAt: field.time('When an export was last made and read back for real'),
  },
});

export const migrationPlans = planTable('migration_plans', {
  purpose: 'How the project would move off a vendor, should it have to',
  fields: {
    name: field.name(),
    vendorDependencyId: field.ref(() => vendorDependencies, 'The vendor to leave', { required: true }),
    target: field.label('Where it would move to'),
    trigger: field.text('What would make the move necessary (price, outage, acquisition)'),
    steps: field.text('The steps, data migration included'),
    estimatedEffortDays: field.int('Person-days the move would take', 0, 100_000),
    status: field.enum(['draft', 'reviewed', 'rehearsed'], 'How far the plan was taken', {
      default: 'draft',
    }),
    lastRehearsedAt: field.time('When part of the move was last rehearsed'),
  },
});

const risky = (vendor: { lockInRisk: string | null }) => vendor.lockInRisk === 'high';

export const vendorLockInArea = defineArea({
  number: 22,
  slug: 'vendor-lock-in',
  key: 'vendors',
  title: 'Vendor lock-in',
  summary: 'Vendors relied on, the seams that keep them replaceable, data exports and exit plans.',
  tables: { vendorDependencies, vendorAbstractions, dataExportFormats, migrationPlans },
  checks: [
    {
      id: 'vendors.dependencies-listed',
      level: 'bronze',
      title: 'Vendor dependencies are listed',
      why: 'Lock-in is decided one convenient SDK call at a time; it can only be managed once the vendors are known.',
      evaluate: ({ vendorDependencies }) => atLeast(vendorDependencies, 'vendor dependencies'),
    },
    {
      id: 'vendors.risk-assessed',
      level: 'silver',
      title: 'Every vendor has an owner, a lock-in risk, a data decision and known alternatives',
      why: 'Without an assessed risk and named alternatives, a price rise or shutdown leaves no options.',
      evaluate: ({ vendorDependencies }) =>
        everyRow('vendor_dependencies', vendorDependencies, 'vendor dependencies', (vendor) =>
          missingOf(vendor, {
            owner: 'no owner',
            lockInRisk: 'no lock-in risk',
            holdsData: 'not decided whether it holds data',
            alternatives: 'no alternatives',
          }),
        ),
    },
    {
      id: 'vendors.high-risk-isolated',
      level: 'silver',
      title: 'Every high-risk vendor sits behind a seam and has a migration plan with steps',
      why: 'A high-risk vendor called from everywhere, with no exit plan, makes leaving a rewrite.',
      evaluate: ({ vendorDependencies, vendorAbstractions, migrationPlans }) =>
        everyRow('vendor_dependencies', vendorDependencies.filter(risky), 'high-risk vendors', (vendor) => {
          const problems: string[] = [];
          const seams = vendorAbstractions.filter((seam) => seam.vendorDependencyId === vendor.id);
          if (!seams.some((seam) => seam.pattern !== 'none')) problems.push('no abstraction');
          const plans = migrationPlans.filter((plan) => plan.vendorDependencyId === vendor.id);
          if (!plans.some((plan) => plan.steps.trim())) problems.push('no migration plan with steps');
          return problems;
        }),
    },
    {
      id: 'vendors.data-exportable',
      level: 'silver',
      title: 'Every vendor that holds data has an export in an open format',
      why: 'Data that only the vendor can read is the strongest lock-in of all.',
      evaluate: ({ vendorDependencies, dataExportFormats }) =>
        everyRow(
          'vendor_dependencies',
          vendorDependencies.filter((vendor) => vendor.holdsData === true),
          'vendors holding data',
          (vendor) =>
            dataExportFormats.some((format) => format.vendorDependencyId === vendor.id && format.openStandard)
              ? null
              : 'no export in an open format',
        ),
    },
    {
      id: 'vendors.exports-tested',
      level: 'gold',
      title: 'Every data export was made and read back within the last 90 days',
      why: 'An export path that was never exercised fails on the day it is needed, usually on size or format.',
      evaluate: ({ dataExportFormats }, { now }) =>
        everyRow('data_export_formats', dataExportFormats, 'data exports', (format) => {
          if (!format.lastTestedAt) return 'never tested';
          return daysBetween(format.lastTestedAt, now) > 90 ? 'last tested over 90 days ago' : null;
        }),
    },
    {
      id: 'vendors.exit-rehearsed',
      level: 'gold',
      title: 'Every high-risk vendor’s migration plan was rehearsed within the last year',
      why: 'A rehearsal finds the hidden dependencies that make an exit plan optimistic.',
      evaluate: ({ vendorDependencies, migrationPlans }, { now }) =>
        everyRow('vendor_dependencies', vendorDependencies.filter(risky), 'high-risk vendors', (vendor) => {
          const rehearsed = migrationPlans
            .filter((plan) => plan.vendorDependencyId === vendor.id)
            .flatMap((plan) => (plan.lastRehearsedAt ? [daysBetween(plan.lastRehearsedAt, now)] : []));
          if (rehearsed.length === 0) return 'exit never rehearsed';
          const latest = Math.min(...rehearsed);
          return latest > 365 ? 'exit last rehearsed over a year ago' : null;
        }),
    },
  ],
});
