import { AppError } from '../../core/errors/app-error.ts';

/** A time range as the API takes it: ISO 8601 texts, `from` inclusive, `to` exclusive. */
export interface TimeRangeQuery {
  from?: string;
  to?: string;
}

/** The range as dates; 400 when it ends before it starts. */
export function timeRange(query: TimeRangeQuery): { from?: Date; to?: Date } {
  const { from, to } = query;
  if (from && to && new Date(from) > new Date(to)) {
    throw new AppError('validation_failed', 'from must not be after to', {
      errors: [{ path: 'query.from', message: 'must not be after to' }],
    });
  }
  return { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
}
