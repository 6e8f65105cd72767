import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const loadProfiles = planTable('load_profiles', {
  purpose: 'The traffic the system must carry: typical, peak, spikes, growth',
  fields: {
    name: field.name(),
    kind: field.enum(['typical', 'peak', 'spike', 'seasonal', 'soak'], 'Which load it describes', {
      required: true,
    }),
    description: field.text('When this load happens and what drives it'),
    requestsPerSecond: field.decimal('Requests per second at this load', 0, 1e9),
    concurrentUsers: field.int('Users active at once', 0, 1_000_000_000),
    growthPerYearPercent: field.decimal('Expected growth a year, in percent', -100, 10_000),
    source: field.text('Where the numbers come from (production metrics, a forecast)'),
  },
});

export const loadTestScenarios = planTable('load_test_scenarios', {
  purpose: 'Load tests that replay a profile against the system, and how they last went',
  fields: {
    name: field.name(),
    loadProfileId: field.ref(() => loadProfiles, 'The profile it replays'),
    tool: field.enum(['k6', 'locust', 'gatling', 'jmeter', 'artillery', 'vegeta', 'other'], 'The load tool'),
    script: field.label('Where the script lives'),
    durationMinutes: field.int('How long it runs', 1, 10_080),
    targetRps: field.decimal('Requests per second it drives', 0, 1e9),
    successCriteria: field.text('What must hold for the run to pass (latency, errors)'),
    lastRunAt: field.time('When it last ran (reported by the tool)'),
    lastRunStatus: field.enum(['passed', 'failed'], 'How the last run ended'),
    lastRunReport: field.url('Report of the last run'),
  },
});

export const capacityThresholds = planTable('capacity_thresholds', {
  purpose: 'Resource levels that warn before capacity runs out, and what is done then',
  fields: {
    name: field.name(),
    resource: field.enum(
      ['cpu', 'memory', 'disk', 'connections', 'queue-depth', 'request-rate', 'bandwidth', 'other'],
      'What is measured',
      { required: true },
    ),
    component: field.label('The service or database it applies to'),
    unit: field.label('Unit of the thresholds (e.g. percent)'),
    warningAt: field.decimal('Level that warns', 0, 1e12),
    criticalAt: field.decimal('Level that pages', 0, 1e12),
    action: field.text('What is done when it is crossed'),
  },
});

export const autoscalingConfigs = planTable('autoscaling_configs', {
  purpose: 'How each component scales out and in, and within which bounds',
  fields: {
    name: field.name(),
    component: field.label('The service it scales', { required: true }),
    metric: field.label('Metric that drives scaling (e.g. CPU, queue depth)'),
    targetValue: field.decimal('Value the scaler aims to hold', 0, 1e12),
    minInstances: field.int('Fewest instances', 0, 100_000),
    maxInstances: field.int('Most instances (the cost ceiling)', 1, 100_000),
    scaleUpCooldownSeconds: field.int('Wait after scaling out', 0, 86_400),
    scaleDownCooldownSeconds: field.int('Wait after scaling in', 0, 86_400),
  },
});

export const performanceBaselines = planTable('performance_baselines', {
  purpose: 'Measured latency and throughput to compare every change against',
  fields: {
    name: field.name('Operation or endpoint measured'),
    loadTestScenarioId: field.ref(() => loadTestScenarios, 'The load test that measured it'),
    targetP95Ms: field.decimal('Latency the 95th percentile must stay under, in ms', 0, 1e7),
    p50Ms: field.decimal('Measured median latency, in ms', 0, 1e7),
    p95Ms: field.decimal('Measured 95th percentile latency, in ms', 0, 1e7),
    p99Ms: field.decimal('Measured 99th percentile latency, in ms', 0, 1e7),
    throughputRps: field.decimal('Measured requests per second', 0, 1e9),
    errorRatePercent: field.decimal('Measured error rate, in percent', 0, 100),
    measuredAt: field.time('When it was measured'),
  },
});

const heavy: readonly string[] = ['peak', 'spike'];

export const loadAndCapacityArea = defineArea({
  number: 21,
  slug: 'load-and-capacity',
  key: 'capacity',
  title: 'Load and capacity',
  summary: 'Expected load, load tests, capacity thresholds, autoscaling and performance baselines.',
  tables: { loadProfiles, loadTestScenarios, capacityThresholds, autoscalingConfigs, performanceBaselines },
  checks: [
    {
      id: 'capacity.load-profiles-planned',
      level: 'bronze',
      title: 'A peak load profile is planned',
      why: 'Capacity is sized for the worst hour, not the average one; the peak must be written down.',
      evaluate: ({ loadProfiles }) =>
        atLeast(
          loadProfiles.filter((profile) => heavy.includes(profile.kind ?? '')),
          'peak or spike load profiles',
        ),
    },
    {
      id: 'capacity.scenario-for-heavy-profiles',
      level: 'silver',
      title: 'Every peak or spike profile has its numbers and a load test with success criteria',
      why: 'A peak nobody has replayed is a guess; the success criteria say what "coped" means.',
      evaluate: ({ loadProfiles, loadTestScenarios }) =>
        everyRow(
          'load_profiles',
          loadProfiles.filter((profile) => heavy.includes(profile.kind ?? '')),
          'peak or spike load profiles',
          (profile) => {
            const problems = missingOf(profile, { requestsPerSecond: 'no request rate' });
            const scenarios = loadTestScenarios.filter((scenario) => scenario.loadProfileId === profile.id);
            if (!scenarios.some((scenario) => scenario.successCriteria.trim()))
              problems.push('no load test with success criteria');
            return problems;
          },
        ),
    },
    {
      id: 'capacity.thresholds-specified',
      level: 'silver',
      title: 'Capacity thresholds exist, each warning before it pages and saying what to do',
      why: 'A warning must come early enough to act, and the action must be known before the pager goes off.',
      evaluate: ({ capacityThresholds }) => {
        const planned = atLeast(capacityThresholds, 'capacity thresholds');
        if (planned.status !== 'pass') return planned;
        return everyRow('capacity_thresholds', capacityThresholds, 'capacity thresholds', (threshold) => {
          const problems = missingOf(threshold, {
            component: 'no component',
            warningAt: 'no warning level',
            criticalAt: 'no critical level',
            action: 'no action',
          });
          const { warningAt, criticalAt } = threshold;
          if (warningAt !== null && criticalAt !== null && warningAt >= criticalAt)
            problems.push('warns no earlier than it pages');
          return problems;
        });
      },
    },
    {
      id: 'capacity.autoscaling-bounded',
      level: 'silver',
      title: 'Every autoscaling config has a metric, a target and sound instance bounds',
      why: 'Scaling without a ceiling turns a traffic spike or a loop into an unbounded bill; without a floor, into an outage.',
      evaluate: ({ autoscalingConfigs }) =>
        everyRow('autoscaling_configs', autoscalingConfigs, 'autoscaling configs', (config) => {
          const problems = missingOf(config, {
            metric: 'no metric',
            targetValue: 'no target',
            minInstances: 'no minimum',
            maxInstances: 'no maximum',
          });
          const { minInstances, maxInstances } = config;
          if (minInstances !== null && maxInstances !== null && minInstances > maxInstances)
            problems.push('minimum above maximum');
          return problems;
        }),
    },
    {
      id: 'capacity.load-tests-pass',
      level: 'gold',
      title: 'Every load test passed within the last 90 days',
      why: 'Capacity drifts with every release; only a recent passing run shows the system still copes.',
      evaluate: ({ loadTestScenarios }, { now }) =>
        everyRow('load_test_scenarios', loadTestScenarios, 'load test scenarios', (scenario) => {
          if (!scenario.lastRunAt) return 'never run';
          if (scenario.lastRunStatus !== 'passed') return 'last run failed';
          return daysBetween(scenario.lastRunAt, now) > 90 ? 'last run over 90 days ago' : null;
        }),
    },
    {
      id: 'capacity.baselines-within-target',
      level: 'gold',
      title: 'Every performance baseline was measured within 90 days and meets its p95 target',
      why: 'Baselines are what regressions are caught against; a stale or missed one hides a slowdown.',
      evaluate: ({ performanceBaselines }, { now }) =>
        everyRow('performance_baselines', performanceBaselines, 'performance baselines', (baseline) => {
          const { p95Ms, targetP95Ms, measuredAt } = baseline;
          if (targetP95Ms === null) return 'no p95 target';
          if (p95Ms === null || !measuredAt) return 'never measured';
          if (daysBetween(measuredAt, now) > 90) return 'measured over 90 days ago';
          return p95Ms > targetP95Ms ? `p95 ${p95Ms} ms over its ${targetP95Ms} ms target` : null;
        }),
    },
  ],
});
