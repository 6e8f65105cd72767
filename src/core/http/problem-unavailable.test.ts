import { describe, expect, it } from 'vitest';
import { toProblem } from './problem.ts';

function withCause(cause: object) {
  return Object.assign(new Error('Failed query: select 1'), { cause });
}

describe('database outages as problems', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a reset connection', withCause(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))],
    [
      'admin_shutdown',
      withCause({ code: '57P01', message: 'terminating connection due to administrator command' }),
    ],
    ['crash_shutdown', withCause({ code: '57P02', message: 'terminating connection' })],
    ['cannot_connect_now', { code: '57P03', message: 'the database system is starting up' }],
    ['a connection exception', { code: '08006', message: 'connection failure' }],
    ['too many connections', { code: '53300', message: 'too many connections for role' }],
    [
      'a database not accepting connections',
      { code: '55000', message: 'database "x" is not currently accepting connections' },
    ],
    ['a pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a connection lost mid-query', withCause(new Error('Connection terminated unexpectedly'))],
  ])('%s: 503 database_unavailable with Retry-After', (_name, error) => {
    const { problem, headers, internal } = toProblem(error);
    expect(internal).toBe(false);
    expect(problem).toMatchObject({ status: 503, code: 'database_unavailable' });
    expect(headers['retry-after']).toBe('5');
  });

  it.each([
    ['disk full', { code: '53100', message: 'could not extend file: No space left on device' }],
    ['an I/O error', { code: '58030', message: 'could not write to file' }],
    ['ENOSPC', Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })],
  ])('%s: 503 database_cannot_write', (_name, error) => {
    const { problem, headers } = toProblem(error);
    expect(problem).toMatchObject({ status: 503, code: 'database_cannot_write' });
    expect(problem.detail).toContain('disk is full');
    expect(headers['retry-after']).toBe('5');
  });

  it('leaves other errors alone', () => {
    expect(toProblem({ code: '55000', message: 'object not in prerequisite state' }).problem.status).toBe(
      500,
    );
    expect(toProblem({ code: '23505', detail: '' }).problem.status).toBe(409);
    expect(toProblem(new Error('boom')).problem.status).toBe(500);
  });
});
