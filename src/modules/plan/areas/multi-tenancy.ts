import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf, result } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const tenants = planTable('tenants', {
  purpose: 'The registry of tenants, their tier and where their data lives',
  fields: {
    name: field.name(),
    slug: field.label('Stable identifier used in URLs and keys', { required: true }),
    tier: field.enum(['free', 'standard', 'enterprise'], 'Commercial tier', { required: true }),
    region: field.label('Where its data must live'),
    status: field.enum(['active', 'suspended', 'offboarded'], 'Where it stands', { default: 'active' }),
  },
});

export const tenantConfigurations = planTable('tenant_configurations', {
  purpose: 'Settings a tenant may override, and their values',
  fields: {
    name: field.name('Setting key'),
    tenantId: field.ref(() => tenants, 'The tenant (empty: the default for all)'),
    value: field.text('The value', 5000),
    overridable: field.flag('Whether tenants may change it themselves', { default: false }),
  },
});

export const tenantLimits = planTable('tenant_limits', {
  purpose: 'Quotas per tenant or per tier, and how they are enforced',
  fields: {
    name: field.name(),
    tenantId: field.ref(() => tenants, 'The tenant (empty: the default for its tier)'),
    tier: field.enum(['free', 'standard', 'enterprise'], 'The tier it applies to, for defaults'),
    resource: field.label('What is limited (API calls per minute, storage GB, seats)', { required: true }),
    limit: field.int('The limit', 0, 2_000_000_000, { required: true }),
    enforcement: field.enum(['hard', 'soft', 'alert-only'], 'What happens at the limit'),
  },
});

export const dataIsolationRules = planTable('data_isolation_rules', {
  purpose: 'How tenant data is kept apart (database per tenant, shared with row-level security, …)',
  fields: {
    name: field.name(),
    model: field.enum(
      ['database-per-tenant', 'schema-per-tenant', 'shared-row-level', 'shared-application-scoped'],
      'The isolation model',
      { required: true },
    ),
    enforcement: field.enum(
      ['row-level-security', 'query-scoping', 'separate-credentials', 'separate-infrastructure'],
      'What enforces it',
    ),
    appliesTo: field.label('Data it covers (e.g. all tables, blobs, search index)'),
    lastVerifiedAt: field.time('When a cross-tenant access test last passed'),
  },
});

export const multiTenancy = defineArea({
  number: 10,
  slug: 'multi-tenancy',
  key: 'tenancy',
  title: 'Multi-tenancy',
  summary: 'Tenants, their settings and limits, and how their data is isolated.',
  tables: { tenants, tenantConfigurations, tenantLimits, dataIsolationRules },
  checks: [
    {
      id: 'tenancy.isolation-model-chosen',
      level: 'bronze',
      title: 'A data isolation model is chosen',
      why: 'The isolation model shapes every table, query and cache key; changing it later is a rewrite.',
      evaluate: ({ dataIsolationRules }) => atLeast(dataIsolationRules, 'data isolation rules'),
    },
    {
      id: 'tenancy.isolation-enforced',
      level: 'silver',
      title: 'Every isolation rule names what enforces it and what data it covers',
      why: 'Shared storage is only isolated when something other than every developer’s care enforces it.',
      evaluate: ({ dataIsolationRules }) =>
        everyRow('data_isolation_rules', dataIsolationRules, 'isolation rules', (rule) =>
          missingOf(rule, { enforcement: 'no enforcement', appliesTo: 'coverage not stated' }),
        ),
    },
    {
      id: 'tenancy.limits-for-every-tier',
      level: 'silver',
      title: 'Every tier in use has default limits with an enforcement',
      why: 'One tenant without limits can exhaust capacity shared by all the others.',
      evaluate: ({ tenants, tenantLimits }) => {
        const tiers = [...new Set(tenants.map((tenant) => tenant.tier))];
        if (tiers.length === 0) return result.notApplicable('No tenants registered, so no tiers to limit.');
        const missing = tiers.filter(
          (tier) =>
            !tenantLimits.some((limit) => !limit.tenantId && limit.tier === tier && limit.enforcement),
        );
        return missing.length === 0
          ? result.pass(`Default limits cover ${tiers.join(', ')}.`)
          : result.fail(`No enforced default limits for the ${missing.join(', ')} tier.`);
      },
    },
    {
      id: 'tenancy.isolation-verified',
      level: 'gold',
      title: 'Every isolation rule passed a cross-tenant access test within 90 days',
      why: 'Isolation bugs are silent: only trying to read another tenant’s data proves you cannot.',
      evaluate: ({ dataIsolationRules }, { now }) =>
        everyRow('data_isolation_rules', dataIsolationRules, 'isolation rules', (rule) =>
          rule.lastVerifiedAt && daysBetween(rule.lastVerifiedAt, now) <= 90
            ? null
            : 'not verified in 90 days',
        ),
    },
  ],
});
