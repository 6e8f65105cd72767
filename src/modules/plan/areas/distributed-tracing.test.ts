import { describeCheckCases } from '../test-helpers.ts';
import { distributedTracingFixture } from './distributed-tracing.fixture.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';

describeCheckCases('distributed-tracing', {
  complete: distributedTracingFixture,
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
      fixtureRow(fixture, 'trace-configurations').lastTraceSeenAt = daysAgo(new Date(), 9);
    },
    'tracing.critical-calls-seen': (fixture) => {
      delete fixtureRow(fixture, 'service-dependencies').lastSeenInTraceAt;
    },
  },
});
