import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type Context,
  type ContextManager,
  context,
  defaultTextMapGetter,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVICE_NAME,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { statementTracerKey } from '../../db/tracing.ts';

/** Where spans go when tracing is on: an OTLP/HTTP collector (see config.ts). */
export interface TracingSettings {
  serviceName: string;
  /** The full URL spans are posted to, e.g. http://localhost:4318/v1/traces. */
  tracesEndpoint: string;
}

/**
 * The app's tracer and its provider. Nothing is registered globally but the async context manager
 * (the same for every app in the process): each app keeps its own provider, so tests can build
 * apps with and without tracing side by side.
 */
export interface Tracing {
  tracer: Tracer;
  /** Runs one job's work in a span of its own, the root of a trace; its statements are its children. */
  traceJob<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** Ends tracing: exports the spans still buffered, then stops the exporters. */
  shutdown(): Promise<void>;
}

/** Tracing with the given span processors (tests pass a SimpleSpanProcessor on an in-memory exporter). */
export function createTracing(options: { serviceName?: string; spanProcessors: SpanProcessor[] }): Tracing {
  installContextManager();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName ?? 'shipshape' }),
    spanProcessors: options.spanProcessors,
  });
  const tracer = provider.getTracer('shipshape');
  return {
    tracer,
    traceJob: (name, run) => {
      const span = tracer.startSpan(
        `process ${name}`,
        {
          kind: SpanKind.CONSUMER,
          attributes: {
            'messaging.system': 'pg-boss',
            'messaging.operation.type': 'process',
            'messaging.destination.name': name,
          },
        },
        ROOT_CONTEXT,
      );
      const active = trace.setSpan(ROOT_CONTEXT, span).setValue(statementTracerKey, tracer);
      return context.with(active, run).then(
        (result) => {
          span.end();
          return result;
        },
        (error: unknown) => {
          failed(span, error);
          span.end();
          throw error;
        },
      );
    },
    shutdown: () => provider.shutdown(),
  };
}

/** Tracing to an OTLP/HTTP collector, spans sent in batches; none when the settings are absent (tracing off). */
export function tracingFromSettings(settings: TracingSettings | undefined): Tracing | undefined {
  if (!settings) return undefined;
  return createTracing({
    serviceName: settings.serviceName,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.tracesEndpoint }))],
  });
}

/** The trace of a request, for its problem responses. */
export type TraceIdOf = (request: FastifyRequest) => string | undefined;

interface RequestTrace {
  span: Span;
  context: Context;
  error?: unknown;
}

/**
 * A server span per request, continuing the caller's trace when it sends W3C `traceparent` (and
 * `tracestate`). The request's logger carries trace_id and span_id; handlers run with the span
 * active, so the statements they run become its children. Install before any route is added.
 */
export function traceRequests(http: FastifyInstance, tracing: Tracing): TraceIdOf {
  const { tracer } = tracing;
  const propagator = new W3CTraceContextPropagator();
  const traces = new WeakMap<FastifyRequest, RequestTrace>();

  http.addHook('onRequest', (request, reply, done) => {
    const requestTrace = startRequestSpan(tracer, propagator, request);
    traces.set(request, requestTrace);
    const { traceId, spanId } = requestTrace.span.spanContext();
    request.log = request.log.child({ trace_id: traceId, span_id: spanId });
    reply.log = request.log;
    // The hooks after this one, authentication included, run inside the span.
    context.with(requestTrace.context, done);
  });

  // Body parsing resumes from the socket's events, outside the span: each handler re-enters it.
  http.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function (request, reply) {
      const requestTrace = traces.get(request);
      return requestTrace
        ? context.with(requestTrace.context, handler, this, request, reply)
        : handler.call(this, request, reply);
    };
  });

  http.addHook('onError', (request, _reply, error, done) => {
    const requestTrace = traces.get(request);
    if (requestTrace) requestTrace.error = error;
    done();
  });

  http.addHook('onResponse', (request, reply, done) => {
    const requestTrace = traces.get(request);
    if (requestTrace) endRequestSpan(requestTrace, reply.statusCode);
    traces.delete(request);
    done();
  });

  http.addHook('onRequestAbort', (request, done) => {
    const requestTrace = traces.get(request);
    if (requestTrace) {
      requestTrace.span.setAttribute(ATTR_ERROR_TYPE, 'aborted');
      requestTrace.span.setStatus({
        code: SpanStatusCode.ERROR,
        message: 'the client closed the connection',
      });
      requestTrace.span.end();
      traces.delete(request);
    }
    done();
  });

  return (request) => traces.get(request)?.span.spanContext().traceId;
}

/** The server span of a request, a child of the caller's span when it sent one, and its context. */
function startRequestSpan(
  tracer: Tracer,
  propagator: W3CTraceContextPropagator,
  request: FastifyRequest,
): RequestTrace {
  const parent = propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
  const route = request.routeOptions.url;
  const userAgent = request.headers['user-agent'];
  const span = tracer.startSpan(
    route ? `${request.method} ${route}` : request.method,
    {
      kind: SpanKind.SERVER,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: request.method,
        [ATTR_URL_PATH]: request.url.split('?')[0],
        [ATTR_URL_SCHEME]: request.protocol,
        [ATTR_NETWORK_PROTOCOL_VERSION]: request.raw.httpVersion,
        ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}),
        ...(userAgent ? { [ATTR_USER_AGENT_ORIGINAL]: userAgent } : {}),
      },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span).setValue(statementTracerKey, tracer) };
}

/** Ends a server span with its status: an error from 500 on, with the exception when one was thrown. */
function endRequestSpan({ span, error }: RequestTrace, statusCode: number): void {
  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, statusCode);
  if (statusCode >= 500) {
    if (error) failed(span, error);
    else {
      span.setAttribute(ATTR_ERROR_TYPE, String(statusCode));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
  }
  span.end();
}

function failed(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  span.setAttribute(ATTR_ERROR_TYPE, error instanceof Error ? error.name : 'Error');
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

/**
 * Keeps the active context across awaits with AsyncLocalStorage; registered once per process,
 * only when some app turns tracing on (until then the API's no-op context manager costs nothing).
 */
class AsyncLocalStorageContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();

  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    active: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.storage.run(active, () => fn.apply(thisArg, args));
  }

  bind<T>(active: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const manager = this;
    const bound = function (this: unknown, ...args: unknown[]) {
      return manager.with(active, () => target.apply(this, args));
    };
    return bound as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.storage.disable();
    return this;
  }
}

let contextManagerInstalled = false;

function installContextManager(): void {
  if (contextManagerInstalled) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
  contextManagerInstalled = true;
}
