import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Distributed tracing area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function distributedTracingFixture(now = new Date()): AreaImport {
  return {
    'sampling-strategies': [
      {
        ref: 'tenth',
        values: { name: '10% plus errors', kind: 'probabilistic', ratio: 0.1, keepErrors: true },
      },
    ],
    'trace-configurations': [
      {
        ref: 'api',
        values: {
          name: 'payments-api',
          library: 'opentelemetry',
          propagation: 'w3c-trace-context',
          exporter: 'OTLP to the collector',
          backend: 'Tempo',
          samplingStrategyId: '@tenth',
          logCorrelation: true,
          lastTraceSeenAt: daysAgo(now, 1),
        },
      },
    ],
    'instrumentation-points': [
      {
        values: { name: 'incoming HTTP', traceConfigurationId: '@api', kind: 'http-server', automatic: true },
      },
      { values: { name: 'SQL queries', traceConfigurationId: '@api', kind: 'database', automatic: true } },
    ],
    'service-dependencies': [
      {
        values: {
          name: 'api to acquirer',
          fromServiceId: '@api',
          toService: 'acquirer gateway',
          protocol: 'http',
          critical: true,
          contextPropagated: true,
          lastSeenInTraceAt: daysAgo(now, 2),
        },
      },
    ],
  };
}
