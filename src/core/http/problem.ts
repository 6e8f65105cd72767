import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, type FieldError, problemKinds } from '../errors/app-error.ts';
import { propertyOf, stringPropertyOf } from '../errors/unknown-values.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const problemTypeBase = 'urn:shipshape:problem:';

/** PostgreSQL SQLSTATEs we translate into client errors; anything else is a 500. */
const postgresErrors: Record<string, (detail: string, column?: string) => AppError> = {
  '23505': (detail) =>
    new AppError('conflict', uniqueViolationMessage(detail), {
      code: 'unique_violation',
      errors: uniqueViolationFields(detail),
    }),
  '23503': () =>
    new AppError('unprocessable', 'A referenced record does not exist, or is still referenced by others.', {
      code: 'foreign_key_violation',
    }),
  '23502': (_detail, column) =>
    new AppError('validation_failed', `${camelCase(column ?? 'a field')} is required.`, {
      code: 'not_null_violation',
    }),
  '23514': () =>
    new AppError('unprocessable', 'A value breaks a rule of the data model.', { code: 'check_violation' }),
  '22P02': () =>
    new AppError('validation_failed', 'A value has the wrong format.', {
      code: 'invalid_text_representation',
    }),
  '22001': () =>
    new AppError('validation_failed', 'A value is too long.', { code: 'string_data_right_truncation' }),
  '40001': () =>
    new AppError('conflict', 'A concurrent change conflicted with this one; retry.', {
      code: 'serialization_failure',
    }),
  '40P01': () =>
    new AppError('conflict', 'A concurrent change conflicted with this one; retry.', { code: 'deadlock' }),
};

/** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
const databaseRetryAfterSeconds = 5;

function databaseUnavailable(detail: string, code = 'database_unavailable'): AppError {
  return new AppError('unavailable', detail, {
    code,
    headers: { 'retry-after': String(databaseRetryAfterSeconds) },
  });
}

const databaseUnreachable =
  'The database is unreachable or restarting; nothing was changed. Retry in a few seconds.';
const databaseCannotWrite =
  'The database cannot write: its disk is full or its data folder is not writable. Retry once the operator has freed space.';

/**
 * The database is down, restarting or out of space: the request did not happen and may be retried.
 * Node's socket errors, node-postgres's own (without a code), and SQLSTATEs of classes 08
 * (connection exception), 57P (operator intervention), 53 (insufficient resources), 58030 (I/O).
 */
function databaseUnavailableError(error: unknown): AppError | null {
  for (const candidate of [error, propertyOf(error, 'cause')]) {
    const code = stringPropertyOf(candidate, 'code') ?? '';
    const message = stringPropertyOf(candidate, 'message') ?? '';
    if (/^(ENOSPC|EROFS|EDQUOT)$/.test(code) || code === '53100' || code === '58030') {
      return databaseUnavailable(databaseCannotWrite, 'database_cannot_write');
    }
    if (
      /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(code) ||
      /^(08...|57P0[123]|53300)$/.test(code) ||
      (code === '55000' && /not currently accepting connections/.test(message)) ||
      (!code &&
        /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed)/.test(
          message,
        ))
    ) {
      return databaseUnavailable(databaseUnreachable);
    }
  }
  return null;
}

const fastifyErrors: Record<string, (error: FastifyError) => AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new AppError('payload_too_large', 'The request body is larger than this server accepts.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (error) => new AppError('unsupported_media_type', error.message),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new AppError('validation_failed', 'Content-Length does not match the body.'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new AppError('validation_failed', 'The body is empty but Content-Type is application/json.'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('validation_failed', 'The body is not valid JSON.'),
};

/** Maps anything thrown while handling a request to an RFC 9457 problem. Never leaks internals. */
export function toProblem(error: unknown): {
  problem: Problem;
  headers: Record<string, string>;
  internal: boolean;
} {
  const appError = toAppError(error);
  const internal = appError === null;
  const known =
    appError ??
    new AppError('internal', 'Something went wrong on our side. The request id identifies it in the logs.');
  const problem: Problem = {
    type: `${problemTypeBase}${known.code}`,
    title: problemKinds[known.kind].title,
    status: known.status,
    detail: known.message,
    code: known.code,
    ...(known.errors ? { errors: known.errors } : {}),
    ...known.extensions,
  };
  return { problem, headers: known.headers ?? {}, internal };
}

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error))
    return validationProblem(stringPropertyOf(error, 'validationContext'), error.validation);
  const unavailable = databaseUnavailableError(error);
  if (unavailable) return unavailable;
  const postgresError = postgresErrorOf(error);
  if (postgresError)
    return postgresErrors[postgresError.code]?.(postgresError.detail ?? '', postgresError.column) ?? null;
  if (isFastifyError(error)) {
    if (fastifyErrors[error.code]) return fastifyErrors[error.code]?.(error) ?? null;
    if (isResponseSerializationError(error)) return null;
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return new AppError(error.statusCode === 404 ? 'not_found' : 'validation_failed', error.message);
    }
  }
  return null;
}

/** One refused value, as Fastify reports validation: the keyword, where (`/a/0/b`), why. */
interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: unknown;
}

/** Validation issues (Fastify's shape) as one 400 problem naming each field. */
function validationProblem(location: string | undefined, issues: ValidationIssue[]): AppError {
  const errors = issues.flatMap((issue) => {
    const keys = issue.keyword === 'unrecognized_keys' ? propertyOf(issue.params, 'keys') : undefined;
    const unknownKeys = Array.isArray(keys) ? keys.map(String) : undefined;
    if (unknownKeys?.length) {
      const parent = issue.instancePath.replace(/\/$/, '');
      return unknownKeys.map((key) => ({
        path: fieldPath(location, `${parent}/${key}`),
        message: 'is not a known field',
      }));
    }
    return [{ path: fieldPath(location, issue.instancePath), message: issue.message ?? 'is invalid' }];
  });
  const first = errors[0];
  const detail =
    errors.length === 1 && first ? `${first.path}: ${first.message}` : `${errors.length} fields are invalid.`;
  return new AppError('validation_failed', detail, { errors });
}

/**
 * A zod schema's refusal of input a service validated itself (a body the route took unparsed),
 * as the same 400 problem route validation gives.
 */
export function invalidInput(error: z.ZodError, location: 'body' | 'querystring' = 'body'): AppError {
  const issues = error.issues.map((issue) => ({
    keyword: issue.code,
    instancePath: `/${issue.path.map(String).join('/')}`,
    message: issue.message,
    params: issue,
  }));
  return validationProblem(location, issues);
}

function fieldPath(location: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (!location || location === 'body') return path || '(body)';
  const prefix = location === 'querystring' ? 'query' : location;
  return path ? `${prefix}.${path}` : prefix;
}

interface PostgresError {
  code: string;
  detail?: string;
  column?: string;
}

/** The driver's error: drizzle wraps it in DrizzleQueryError as `cause`. */
function postgresErrorOf(error: unknown): PostgresError | null {
  for (const candidate of [error, propertyOf(error, 'cause')]) {
    const code = stringPropertyOf(candidate, 'code');
    if (code && /^[0-9A-Z]{5}$/.test(code)) {
      return {
        code,
        detail: stringPropertyOf(candidate, 'detail'),
        column: stringPropertyOf(candidate, 'column'),
      };
    }
  }
  return null;
}

function isFastifyError(error: unknown): error is FastifyError {
  return stringPropertyOf(error, 'code')?.startsWith('FST_') ?? false;
}

/** `Key (workspace_id, key)=(…, PAY) already exists.` → the user-facing columns and values. */
function uniqueViolationPairs(detail: string): { column: string; value: string }[] {
  const match = /^Key \((.+)\)=\((.*)\) already exists/.exec(detail);
  if (!match?.[1] || match[2] === undefined) return [];
  const columns = match[1].split(',').map((column) => column.trim().replace(/^lower\((.+)\)$/, '$1'));
  const values = match[2].split(',').map((value) => value.trim());
  return columns
    .map((column, index) => ({ column, value: values[index] ?? '' }))
    .filter((pair) => pair.column !== 'workspace_id' && pair.column !== 'project_id');
}

function uniqueViolationFields(detail: string): FieldError[] | undefined {
  const pairs = uniqueViolationPairs(detail);
  return pairs.length
    ? pairs.map((pair) => ({ path: camelCase(pair.column), message: 'is already taken' }))
    : undefined;
}

function uniqueViolationMessage(detail: string): string {
  const pairs = uniqueViolationPairs(detail);
  if (!pairs.length) return 'A record with the same unique value already exists.';
  const named = pairs.map((pair) =>
    pair.value ? `${camelCase(pair.column)} '${pair.value}'` : camelCase(pair.column),
  );
  return `${named.join(' and ')} is already taken.`;
}

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
