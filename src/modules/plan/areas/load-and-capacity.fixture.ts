import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Load and capacity area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function loadAndCapacityFixture(now = new Date()): AreaImport {
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
          lastRunAt: daysAgo(now, 10),
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
          measuredAt: daysAgo(now, 10),
        },
      },
    ],
  };
}
