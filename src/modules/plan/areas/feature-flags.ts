import { z } from 'zod';
import { flagValueTypes } from '../../../engines/flag-eval/model.ts';
import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';
import { dependencyIsAcyclic, flagKeyIsFree } from './feature-flag-rules.ts';

/** The value a prerequisite asks for: on/off, or the value of one of the needed flag's variants. */
const requiredValueSchema = z.union([z.boolean(), z.string().max(1000), z.number()]);

const flagKinds = ['release', 'experiment', 'ops', 'permission', 'kill-switch'] as const;
/** Flags meant to stay: they need no removal date. */
const permanentKinds: readonly string[] = ['ops', 'permission', 'kill-switch'];
/** Flags that production serves: the flags module makes a flag active once a production environment enables it. */
const servedStatuses: readonly string[] = ['active', 'rolled-out'];
/** How long a flag may stay past its removal date before it counts as long stale. */
const staleGraceDays = 30;
/** How recently a critical flag's kill switch must have been exercised. */
const killSwitchDrillDays = 90;

export const featureFlags = planTable('feature_flags', {
  purpose: 'Every flag: its kind, owner, kill-switch decision and removal date',
  fields: {
    name: field.name('Flag key, as the code reads it'),
    description: field.text('What the flag guards and why it exists'),
    kind: field.enum(flagKinds, 'What the flag is for', { required: true }),
    status: field.enum(['planned', 'active', 'rolled-out', 'removed'], 'Where the flag is in its life', {
      default: 'planned',
    }),
    owner: field.label('Team or person who decides on the flag and removes it'),
    defaultValue: field.flag('Value served when the flag service cannot be reached', { default: false }),
    killSwitch: field.flag('Whether turning it off is the planned way to stop the feature in an incident'),
    removalDate: field.date('When the flag and its dead branch are to be removed'),
    ticket: field.label('Work item that tracks the flag'),
    valueType: field.enum(
      flagValueTypes,
      'What the flag serves: on/off, or a string, number or JSON variant',
      {
        default: 'boolean',
      },
    ),
    critical: field.flag('Whether its kill switch must be exercised at least every 90 days', {
      default: false,
    }),
    lastKilledAt: field.time('When the kill switch last turned the flag off in every environment'),
  },
  validate: (row, hook) => flagKeyIsFree(row, hook),
});

export const flagTargetingRules = planTable('flag_targeting_rules', {
  purpose: 'Who gets which variation of a flag',
  fields: {
    name: field.name(),
    flagId: field.ref(() => featureFlags, 'The flag', { required: true }),
    segment: field.label('Audience the rule selects (e.g. internal users, country = FR)'),
    condition: field.text('The rule, as the flag service evaluates it'),
    rolloutPercentage: field.int('Share of the segment that gets the variation', 0, 100),
    variation: field.label('Variation served', { required: true }),
    priority: field.int('Lower runs first', 0, 10_000),
  },
});

export const flagDependencies = planTable('flag_dependencies', {
  purpose: 'Flags that only make sense when another flag is on',
  fields: {
    flagId: field.ref(() => featureFlags, 'The dependent flag', { required: true }),
    dependsOnFlagId: field.ref(() => featureFlags, 'The flag it needs', { required: true }),
    reason: field.text('Why the dependency exists'),
    requiredValue: field.json(
      requiredValueSchema,
      'The value the flag it needs must evaluate to for this flag to be on (true when empty)',
    ),
  },
  validate: (row, hook) => dependencyIsAcyclic(row, hook),
});

export const flagLifecycle = planTable('flag_lifecycle', {
  purpose: "The steps of a flag's life, from creation to removal",
  fields: {
    flagId: field.ref(() => featureFlags, 'The flag', { required: true }),
    stage: field.enum(['created', 'testing', 'rolling-out', 'fully-on', 'cleanup', 'removed'], 'The stage', {
      required: true,
    }),
    plannedDate: field.date('When the stage is planned'),
    completedAt: field.time('When the stage was reached'),
    notes: field.text('What happens at this stage'),
  },
});

export const flagMonitoringConfig = planTable('flag_monitoring_config', {
  purpose: 'What is watched while a flag changes, and when it alerts',
  fields: {
    flagId: field.ref(() => featureFlags, 'The flag', { required: true }),
    metric: field.label('The metric watched while the flag rolls out'),
    alertThreshold: field.label('When the metric alerts (e.g. error rate > 1%)'),
    dashboardUrl: field.url('Dashboard that shows the metric per variation'),
    evaluationLogging: field.flag('Whether flag evaluations are logged', { default: false }),
  },
});

export const featureFlagsArea = defineArea({
  number: 5,
  slug: 'feature-flags',
  key: 'flags',
  title: 'Feature flags',
  summary: 'Flags, who gets what, how flags depend on each other, their lifecycle and monitoring.',
  tables: { featureFlags, flagTargetingRules, flagDependencies, flagLifecycle, flagMonitoringConfig },
  checks: [
    {
      id: 'flags.flags-planned',
      level: 'bronze',
      title: 'Feature flags are planned',
      why: 'Shipping behind flags is how unfinished work reaches production safely; the flags must be known up front.',
      evaluate: ({ featureFlags }) => atLeast(featureFlags, 'feature flags'),
    },
    {
      id: 'flags.owner-kill-switch-removal-date',
      level: 'silver',
      title: 'Every feature flag has an owner, a kill-switch decision and a removal date',
      why: 'Flags without owners and end dates become permanent, untested branches; a kill switch must be a decision, not a discovery.',
      evaluate: ({ featureFlags }) =>
        everyRow(
          'feature_flags',
          featureFlags.filter((flag) => flag.status !== 'removed'),
          'feature flags',
          (flag) => {
            const problems = missingOf(flag, { owner: 'no owner', killSwitch: 'no kill-switch decision' });
            if (!permanentKinds.includes(flag.kind ?? '') && !flag.removalDate)
              problems.push('no removal date');
            return problems;
          },
        ),
    },
    {
      id: 'flags.targeting-for-active-flags',
      level: 'silver',
      title: 'Every active flag says who gets it',
      why: 'An active flag without targeting rules serves its default to everyone, which is rarely the plan.',
      evaluate: ({ featureFlags, flagTargetingRules }) =>
        everyRow(
          'feature_flags',
          featureFlags.filter((flag) => flag.status === 'active'),
          'active feature flags',
          (flag) => (flagTargetingRules.some((rule) => rule.flagId === flag.id) ? null : 'no targeting rule'),
        ),
    },
    {
      id: 'flags.dependencies-sound',
      level: 'silver',
      title: 'Flag dependencies form no cycle and need no removed flag',
      why: 'Circular or dangling flag dependencies make some combinations impossible to reach or to turn off.',
      evaluate: ({ featureFlags, flagDependencies }) => {
        const byId = new Map(featureFlags.map((flag) => [flag.id, flag]));
        const needs = (id: string) =>
          flagDependencies
            .filter((dependency) => dependency.flagId === id)
            .flatMap((dependency) => (dependency.dependsOnFlagId ? [dependency.dependsOnFlagId] : []));
        const inCycle = (start: string) => {
          const seen = new Set<string>();
          const stack = [...needs(start)];
          for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
            if (next === start) return true;
            if (seen.has(next)) continue;
            seen.add(next);
            stack.push(...needs(next));
          }
          return false;
        };
        const dependent = featureFlags.filter((flag) => needs(flag.id).length > 0);
        return everyRow('feature_flags', dependent, 'flags with dependencies', (flag) => {
          if (inCycle(flag.id)) return 'depends on itself through a cycle';
          const removed = needs(flag.id).filter((id) => byId.get(id)?.status === 'removed');
          return removed.length > 0 ? 'depends on a removed flag' : null;
        });
      },
    },
    {
      id: 'flags.monitoring-for-active-flags',
      level: 'silver',
      title: 'Every active flag has a watched metric with an alert threshold',
      why: 'Rolling out without watching a metric means finding out from users that the new path is broken.',
      evaluate: ({ featureFlags, flagMonitoringConfig }) =>
        everyRow(
          'feature_flags',
          featureFlags.filter((flag) => flag.status === 'active'),
          'active feature flags',
          (flag) => {
            const config = flagMonitoringConfig.find((candidate) => candidate.flagId === flag.id);
            if (!config) return 'no monitoring';
            return missingOf(config, { metric: 'no metric', alertThreshold: 'no alert threshold' });
          },
        ),
    },
    {
      id: 'flags.overdue-flags-removed',
      level: 'gold',
      title: 'No flag outlives its removal date',
      why: 'The removal date is only a plan until flags are actually removed on time; overdue flags are debt.',
      evaluate: ({ featureFlags }, { now }) => {
        const today = now.toISOString().slice(0, 10);
        return everyRow(
          'feature_flags',
          featureFlags.filter((flag) => flag.removalDate),
          'flags with a removal date',
          (flag) =>
            flag.status !== 'removed' && flag.removalDate && flag.removalDate < today
              ? 'past its removal date'
              : null,
        );
      },
    },
    {
      id: 'flags.lifecycle-tracked',
      level: 'gold',
      title: 'Every rolled-out or removed flag has its lifecycle recorded up to that stage',
      why: 'Recorded stages show the flag really went through testing and rollout before it became the only path.',
      evaluate: ({ featureFlags, flagLifecycle }) =>
        everyRow(
          'feature_flags',
          featureFlags.filter((flag) => flag.status === 'rolled-out' || flag.status === 'removed'),
          'rolled-out or removed flags',
          (flag) => {
            const reached = flagLifecycle.filter((stage) => stage.flagId === flag.id && stage.completedAt);
            const needed = flag.status === 'removed' ? 'removed' : 'fully-on';
            return reached.some((stage) => stage.stage === needed) ? null : `no completed ${needed} stage`;
          },
        ),
    },
    {
      id: 'flags.served-flags-owned',
      level: 'silver',
      title: 'Every flag served in production has an owner and a removal date',
      why: 'A flag production serves is code that decides what users see; someone must answer for it and plan its end.',
      evaluate: ({ featureFlags }) =>
        everyRow(
          'feature_flags',
          featureFlags.filter((flag) => servedStatuses.includes(flag.status ?? '')),
          'flags served in production',
          (flag) => {
            const problems = missingOf(flag, { owner: 'no owner' });
            if (!permanentKinds.includes(flag.kind ?? '') && !flag.removalDate)
              problems.push('no removal date');
            return problems;
          },
        ),
    },
    {
      id: 'flags.no-long-stale-flags',
      level: 'gold',
      title: `No flag is still there ${staleGraceDays} days after its removal date`,
      why: 'A flag long past its removal date is a dead branch nobody tests any more; it must go, or get a new date with a reason.',
      evaluate: ({ featureFlags }, { now }) =>
        everyRow(
          'feature_flags',
          featureFlags.filter((flag) => flag.status !== 'removed' && flag.removalDate),
          'flags with a removal date',
          (flag) => {
            const overdue = flag.removalDate ? daysBetween(flag.removalDate, now) : 0;
            return overdue > staleGraceDays ? `${overdue} days past its removal date` : null;
          },
        ),
    },
    {
      id: 'flags.critical-kill-switches-exercised',
      level: 'gold',
      title: `Every critical flag's kill switch was exercised in the last ${killSwitchDrillDays} days`,
      why: 'A kill switch nobody has pulled may not work when an incident needs it; a drill proves it turns the feature off.',
      evaluate: ({ featureFlags }, { now }) =>
        everyRow(
          'feature_flags',
          featureFlags.filter((flag) => flag.critical && flag.status !== 'removed'),
          'critical flags',
          (flag) => {
            if (!flag.lastKilledAt) return 'kill switch never exercised';
            const days = Math.floor((now.getTime() - flag.lastKilledAt.getTime()) / 86_400_000);
            return days > killSwitchDrillDays ? `kill switch last exercised ${days} days ago` : null;
          },
        ),
    },
  ],
});
