import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
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
          lastTraceSeenAt: daysAgo(1),
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
          lastSeenInTraceAt: daysAgo(2),
        },
      },
    ],
  };
}

describeCheckCases('distributed-tracing', {
  complete,
  failing: {
    'tracing.services-configured': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'tracing.configurations-specified': (fixture) => {
      fixtureRow(fixture, 'trace-configurations').logCorrelation = false;
    },
    'tracing.entry-points-instrumented': (fixture) => {
      fixture['instrumentation-points']?.shift();
    },
    'tracing.errors-sampled': (fixture) => {
      fixtureRow(fixture, 'sampling-strategies').keepErrors = false;
    },
    'tracing.context-crosses-dependencies': (fixture) => {
      fixtureRow(fixture, 'service-dependencies').contextPropagated = false;
    },
    'tracing.traces-arriving': (fixture) => {
      fixtureRow(fixture, 'trace-configurations').lastTraceSeenAt = daysAgo(9);
    },
    'tracing.critical-calls-seen': (fixture) => {
      delete fixtureRow(fixture, 'service-dependencies').lastSeenInTraceAt;
    },
  },
});
