import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const samplingStrategies = planTable('sampling_strategies', {
  purpose: 'Which traces are kept, and why that is enough to debug with',
  fields: {
    name: field.name(),
    kind: field.enum(
      ['always-on', 'probabilistic', 'rate-limited', 'parent-based', 'tail-based', 'always-off'],
      'How traces are sampled',
      { required: true },
    ),
    ratio: field.decimal('Share of traces kept (0–1), for probabilistic sampling', 0, 1),
    tracesPerSecond: field.int('Traces kept per second, for rate-limited sampling', 1, 1_000_000),
    keepErrors: field.flag('Whether every trace with an error is kept whatever the rate'),
    rules: field.text('Further rules (per route, per tenant)'),
  },
});

export const traceConfigurations = planTable('trace_configurations', {
  purpose: 'How each service emits traces: the library, how context travels, where spans go',
  fields: {
    name: field.name('Service, as it names itself in traces'),
    library: field.enum(
      ['opentelemetry', 'zipkin', 'jaeger-client', 'datadog', 'x-ray', 'other'],
      'Instrumentation library',
      { required: true },
    ),
    propagation: field.enum(
      ['w3c-trace-context', 'b3', 'jaeger', 'x-ray', 'other'],
      'How context crosses calls',
    ),
    exporter: field.label('Where spans are sent (e.g. OTLP to the collector)'),
    backend: field.label('Where people look at traces'),
    samplingStrategyId: field.ref(() => samplingStrategies, 'How its traces are sampled'),
    logCorrelation: field.flag('Whether log lines carry the trace id'),
    lastTraceSeenAt: field.time('When the backend last received a trace from it'),
  },
});

export const instrumentationPoints = planTable('instrumentation_points', {
  purpose: 'Where spans are created, and what each span records',
  fields: {
    name: field.name(),
    traceConfigurationId: field.ref(() => traceConfigurations, 'The service', { required: true }),
    kind: field.enum(
      [
        'http-server',
        'http-client',
        'database',
        'queue-producer',
        'queue-consumer',
        'cache',
        'external-api',
        'custom',
      ],
      'What is instrumented',
      { required: true },
    ),
    automatic: field.flag('Whether the library instruments it without code', { default: false }),
    attributes: field.list('Span attributes it records (never secrets or personal data)'),
  },
});

export const serviceDependencies = planTable('service_dependencies', {
  purpose: 'Calls between services that a trace must follow end to end',
  fields: {
    name: field.name(),
    fromServiceId: field.ref(() => traceConfigurations, 'The calling service', { required: true }),
    toService: field.label('The service or system called', { required: true }),
    protocol: field.enum(['http', 'grpc', 'queue', 'database', 'other'], 'How it is called', {
      required: true,
    }),
    critical: field.flag('Whether a request fails when this call fails', { default: false }),
    contextPropagated: field.flag('Whether trace context crosses this call'),
    lastSeenInTraceAt: field.time('When a trace last showed this call, linked end to end'),
  },
});

export const distributedTracingArea = defineArea({
  number: 19,
  slug: 'distributed-tracing',
  key: 'tracing',
  title: 'Distributed tracing',
  summary: 'Trace configuration per service, instrumentation points, sampling and service dependencies.',
  tables: { traceConfigurations, samplingStrategies, instrumentationPoints, serviceDependencies },
  checks: [
    {
      id: 'tracing.services-configured',
      level: 'bronze',
      title: 'Tracing is configured for the services',
      why: 'Without traces, a slow or failing request across services is debugged by guessing.',
      evaluate: ({ traceConfigurations }) => atLeast(traceConfigurations, 'traced services'),
    },
    {
      id: 'tracing.configurations-specified',
      level: 'silver',
      title:
        'Every traced service has a propagation format, an exporter, a sampling strategy and log correlation',
      why: 'Mismatched propagation breaks traces at service boundaries; logs without trace ids cannot be joined to them.',
      evaluate: ({ traceConfigurations }) =>
        everyRow('trace_configurations', traceConfigurations, 'traced services', (configuration) => {
          const problems = missingOf(configuration, {
            propagation: 'no propagation format',
            exporter: 'no exporter',
            samplingStrategyId: 'no sampling strategy',
          });
          if (configuration.logCorrelation !== true) problems.push('logs do not carry the trace id');
          return problems;
        }),
    },
    {
      id: 'tracing.entry-points-instrumented',
      level: 'silver',
      title: 'Every traced service instruments the way requests or jobs enter it',
      why: 'A trace starts where work enters a service; without a server or consumer span the rest has no root.',
      evaluate: ({ traceConfigurations, instrumentationPoints }) =>
        everyRow('trace_configurations', traceConfigurations, 'traced services', (configuration) =>
          instrumentationPoints.some(
            (point) =>
              point.traceConfigurationId === configuration.id &&
              (point.kind === 'http-server' || point.kind === 'queue-consumer'),
          )
            ? null
            : 'no server or consumer span',
        ),
    },
    {
      id: 'tracing.errors-sampled',
      level: 'silver',
      title: 'Every sampling strategy keeps traces and keeps every trace with an error',
      why: 'The trace needed most is the failing one; sampling it away leaves an incident with no evidence.',
      evaluate: ({ samplingStrategies }) =>
        everyRow('sampling_strategies', samplingStrategies, 'sampling strategies', (strategy) => {
          if (strategy.kind === 'always-off') return 'keeps no traces';
          if (strategy.kind === 'probabilistic' && !strategy.ratio) return 'no sampling ratio';
          return strategy.kind === 'always-on' || strategy.keepErrors === true
            ? null
            : 'may drop error traces';
        }),
    },
    {
      id: 'tracing.context-crosses-dependencies',
      level: 'silver',
      title: 'Trace context crosses every call between services',
      why: 'One call that drops the context splits every trace through it in two.',
      evaluate: ({ serviceDependencies }) =>
        everyRow('service_dependencies', serviceDependencies, 'service dependencies', (dependency) =>
          dependency.contextPropagated === true ? null : 'context not propagated',
        ),
    },
    {
      id: 'tracing.traces-arriving',
      level: 'gold',
      title: 'Every traced service sent a trace within the last 7 days',
      why: 'Configuration is a claim; a trace received by the backend is the proof that the pipeline works.',
      evaluate: ({ traceConfigurations }, { now }) =>
        everyRow('trace_configurations', traceConfigurations, 'traced services', (configuration) => {
          if (!configuration.lastTraceSeenAt) return 'no trace ever received';
          return daysBetween(configuration.lastTraceSeenAt, now) > 7 ? 'no trace in the last 7 days' : null;
        }),
    },
    {
      id: 'tracing.critical-calls-seen',
      level: 'gold',
      title: 'Every critical call was seen linked in a trace within the last 30 days',
      why: 'The critical path is where latency and failures matter; it must be visible end to end in real traces.',
      evaluate: ({ serviceDependencies }, { now }) =>
        everyRow(
          'service_dependencies',
          serviceDependencies.filter((dependency) => dependency.critical),
          'critical service dependencies',
          (dependency) => {
            if (!dependency.lastSeenInTraceAt) return 'never seen in a trace';
            return daysBetween(dependency.lastSeenInTraceAt, now) > 30 ? 'not seen in 30 days' : null;
          },
        ),
    },
  ],
});
