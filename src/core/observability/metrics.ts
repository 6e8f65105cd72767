import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The server's Prometheus metrics; one registry per app so that tests can build many apps. */
export interface Metrics {
  registry: Registry;
  /** Feed to the database connection: called with each statement's duration in seconds. */
  observeQuery(seconds: number): void;
  /** Lookups in the server's caches, by cache, kind of entry and result (hit | miss). */
  cacheLookups: Counter<'cache' | 'kind' | 'result'>;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'shipshape_' });
  const queryDuration = new Histogram({
    name: 'shipshape_db_query_duration_seconds',
    help: 'Time spent in database statements',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: 'shipshape_cache_lookups_total',
    help: 'Cache lookups, by cache, kind of entry and result (hit or miss)',
    labelNames: ['cache', 'kind', 'result'] as const,
    registers: [registry],
  });
  return { registry, observeQuery: (seconds) => queryDuration.observe(seconds), cacheLookups };
}

/** Counts requests and times them, by route pattern (never the raw URL, to bound cardinality) and status. */
export function instrumentRequests(app: FastifyInstance, metrics: Metrics): void {
  const requests = new Counter({
    name: 'shipshape_http_requests_total',
    help: 'HTTP requests served',
    labelNames: ['method', 'route', 'status'],
    registers: [metrics.registry],
  });
  const duration = new Histogram({
    name: 'shipshape_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
