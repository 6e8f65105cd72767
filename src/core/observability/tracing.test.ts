import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import Fastify from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { createTracing, type Tracing, traceRequests } from './tracing.ts';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const parentSpanId = '00f067aa0ba902b7';
const traceparent = `00-${traceId}-${parentSpanId}-01`;

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let traced: TestApp;

beforeAll(async () => {
  tracing = createTracing({
    serviceName: 'shipshape-test',
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  traced = await createTestApp({ tracing });
});
afterAll(() => traced.close());
beforeEach(() => exporter.reset());

/** The server span of the request to `name` (once it has ended), and every span of its trace. */
async function serverSpan(name: string | RegExp): Promise<ReadableSpan> {
  return vi.waitFor(() => {
    const span = exporter
      .getFinishedSpans()
      .find(
        (candidate) =>
          candidate.kind === SpanKind.SERVER &&
          (typeof name === 'string' ? candidate.name === name : name.test(candidate.name)),
      );
    if (!span) throw new Error(`no server span ${name} yet`);
    return span;
  });
}

function childrenOf(span: ReadableSpan): ReadableSpan[] {
  return exporter
    .getFinishedSpans()
    .filter((candidate) => candidate.parentSpanContext?.spanId === span.spanContext().spanId);
}

describe('with tracing on', () => {
  it('continues the caller’s trace in a server span, with a span per database statement', async () => {
    const answer = await traced.owner.get('/api/v1/projects', { headers: { traceparent } });
    expect(answer.status).toBe(200);

    const span = await serverSpan('GET /api/v1/projects');
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext?.spanId).toBe(parentSpanId);
    expect(span.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/api/v1/projects',
      'url.path': '/api/v1/projects',
      'http.response.status_code': 200,
    });
    expect(span.resource.attributes['service.name']).toBe('shipshape-test');
    const statements = childrenOf(span).filter(
      (child) => child.attributes['db.system.name'] === 'postgresql',
    );
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((child) => child.kind === SpanKind.CLIENT)).toBe(true);
    expect(statements.some((child) => String(child.attributes['db.query.text']).includes('projects'))).toBe(
      true,
    );
  });

  it('keeps the request’s span around the handler of a request with a body', async () => {
    const answer = await traced.owner.post(
      '/api/v1/projects',
      { name: 'Traced', key: 'TRC' },
      { headers: { traceparent } },
    );
    expect(answer.status).toBe(201);

    const span = await serverSpan('POST /api/v1/projects');
    const statements = childrenOf(span).map((child) =>
      String(child.attributes['db.query.text']).toLowerCase(),
    );
    expect(statements.some((text) => text.startsWith('insert into "projects"'))).toBe(true);
    // Statement text has placeholders, never the values.
    expect(statements.some((text) => text.includes('Traced'))).toBe(false);
  });

  it('starts a new trace when the caller sends none', async () => {
    await traced.owner.get('/api/v1/projects');
    const span = await serverSpan('GET /api/v1/projects');
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.spanContext().traceId).not.toBe(traceId);
  });

  it('puts the trace id in problem responses, next to the request id', async () => {
    const missing = await traced.owner.get('/api/v1/projects/01890000-0000-7000-8000-000000000000', {
      headers: { traceparent },
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ traceId, requestId: expect.any(String) });
    const span = await serverSpan('GET /api/v1/projects/:id');
    expect(span.attributes['http.response.status_code']).toBe(404);

    const noRoute = await traced.anonymous.get('/api/v1/no-such-route', { headers: { traceparent } });
    expect(noRoute.status).toBe(404);
    expect(noRoute.body).toMatchObject({ code: 'route_not_found', traceId });
    // No API route matches; when the web UI is built, its catch-all route (`GET /*`) is the match.
    expect((await serverSpan(/^GET( \/\*)?$/)).spanContext().traceId).toBe(traceId);
  });

  it('puts trace_id and span_id in the request’s log lines', async () => {
    const lines: string[] = [];
    const http = Fastify({
      logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
    });
    traceRequests(http, tracing);
    http.get('/hello', async (request) => {
      request.log.info('inside the handler');
      return { ok: true };
    });
    await http.inject({ url: '/hello', headers: { traceparent } });
    await http.close();
    const logged = lines.map((line) => JSON.parse(line));
    const spanId = (await serverSpan('GET /hello')).spanContext().spanId;
    for (const message of ['inside the handler', 'request completed']) {
      expect(logged.find((line) => line.msg === message)).toMatchObject({
        trace_id: traceId,
        span_id: spanId,
      });
    }
  });

  it('traces a job in a span of its own, its statements inside', async () => {
    await tracing.traceJob('example-job', () => traced.database.query('select 1 as one'));
    const [span] = exporter
      .getFinishedSpans()
      .filter((candidate) => candidate.name === 'process example-job');
    if (!span) throw new Error('no job span');
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.parentSpanContext).toBeUndefined();
    expect(childrenOf(span).map((child) => child.attributes['db.query.text'])).toContain('select 1 as one');
  });
});

describe('with tracing off', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await createTestApp();
  });
  afterAll(() => plain.close());

  it('answers problems without a trace id and records no span', async () => {
    const missing = await plain.owner.get('/api/v1/projects/01890000-0000-7000-8000-000000000000', {
      headers: { traceparent },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.requestId).toEqual(expect.any(String));
    expect(missing.body).not.toHaveProperty('traceId');
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

describe('configuration', () => {
  it('is off without an OTLP endpoint', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
  });

  it('turns on with OTEL_EXPORTER_OTLP_ENDPOINT, posting to its /v1/traces', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      serviceName: 'shipshape',
      tracesEndpoint: 'http://collector:4318/v1/traces',
    });
  });

  it('takes OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as it is, and OTEL_SERVICE_NAME', () => {
    const config = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces.example:4318/custom',
      OTEL_SERVICE_NAME: 'shipshape-eu',
    });
    expect(config.tracing).toEqual({
      serviceName: 'shipshape-eu',
      tracesEndpoint: 'http://traces.example:4318/custom',
    });
  });

  it('refuses an endpoint that is not a URL', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
