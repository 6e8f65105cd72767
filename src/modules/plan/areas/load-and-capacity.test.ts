import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'load-profiles': [
      { values: { name: 'weekday average', kind: 'typical', requestsPerSecond: 40 } },
      { ref: 'friday', values: { name: 'Black Friday', kind: 'peak', requestsPerSecond: 600 } },
    ],
    'load-test-scenarios': [
      {
        ref: 'checkout',
        values: {
          name: 'checkout at peak',
          loadProfileId: '@friday',
          tool: 'k6',
          durationMinutes: 30,
          successCriteria: 'p95 under 300 ms, errors under 0.1%',
          lastRunAt: daysAgo(10),
          lastRunStatus: 'passed',
        },
      },
    ],
    'capacity-thresholds': [
      {
        values: {
          name: 'database connections',
          resource: 'connections',
          component: 'payments database',
          warningAt: 70,
          criticalAt: 90,
          action: 'add a read replica or raise the pool',
        },
      },
    ],
    'autoscaling-configs': [
      {
        values: {
          name: 'api pods',
          component: 'payments-api',
          metric: 'CPU',
          targetValue: 60,
          minInstances: 2,
          maxInstances: 12,
        },
      },
    ],
    'performance-baselines': [
      {
        values: {
          name: 'POST /payments',
          loadTestScenarioId: '@checkout',
          targetP95Ms: 300,
          p95Ms: 210,
          measuredAt: daysAgo(10),
        },
      },
    ],
  };
}

describeCheckCases('load-and-capacity', {
  complete,
  failing: {
    'capacity.load-profiles-planned': (fixture) => {
      fixtureRow(fixture, 'load-profiles', 1).kind = 'seasonal';
    },
    'capacity.scenario-for-heavy-profiles': (fixture) => {
      delete fixtureRow(fixture, 'load-test-scenarios').successCriteria;
    },
    'capacity.thresholds-specified': (fixture) => {
      fixtureRow(fixture, 'capacity-thresholds').warningAt = 95;
    },
    'capacity.autoscaling-bounded': (fixture) => {
      fixtureRow(fixture, 'autoscaling-configs').minInstances = 20;
    },
    'capacity.load-tests-pass': (fixture) => {
      fixtureRow(fixture, 'load-test-scenarios').lastRunAt = daysAgo(120);
    },
    'capacity.baselines-within-target': (fixture) => {
      fixtureRow(fixture, 'performance-baselines').p95Ms = 450;
    },
  },
});
