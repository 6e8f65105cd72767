import { context, createContextKey, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';

/**
 * Where a traced unit of work (a request, a job) keeps the tracer its statements report to. When
 * tracing is off nothing sets it, so a statement costs one lookup in the (no-op) active context.
 */
export const statementTracerKey = createContextKey('shipshape.statement-tracer');

/** Longest statement text a span carries; bulk statements are cut there. */
const maxStatementLength = 2000;

/**
 * Runs one statement (or one batch of them) in a client span when the active context carries a
 * tracer. The span has the statement's text, which holds placeholders, never parameter values.
 */
export function traceStatement<T>(sql: string, run: () => Promise<T>): Promise<T> {
  const active = context.active();
  const tracer = active.getValue(statementTracerKey) as Tracer | undefined;
  if (!tracer) return run();
  const operation = /^\s*([a-z]+)/i.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
  const span = tracer.startSpan(
    operation,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': operation,
        'db.query.text': sql.length > maxStatementLength ? `${sql.slice(0, maxStatementLength)}…` : sql,
      },
    },
    active,
  );
  return run().then(
    (result) => {
      span.end();
      return result;
    },
    (error: unknown) => {
      const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : undefined;
      if (code) span.setAttribute('db.response.status_code', code);
      span.setAttribute('error.type', code ?? (error instanceof Error ? error.name : 'Error'));
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : String(error),
      });
      span.end();
      throw error;
    },
  );
}
