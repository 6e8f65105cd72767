/**
 * One error hierarchy for the whole server. Services throw `AppError`s with a kind (which decides
 * the HTTP status, in one table below) and optionally a more specific stable code
 * (`prd_review.illegal_transition`). `problem.ts` turns any thrown value into RFC 9457 problem+json.
 */

export const problemKinds = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'Not allowed' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  illegal_transition: { status: 409, title: 'This transition is not allowed from the current state' },
  precondition_failed: { status: 412, title: 'The resource has changed since you read it' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  uri_too_long: { status: 414, title: 'The request URI is too long' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'The request cannot be processed' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const;

export type ProblemKind = keyof typeof problemKinds;

export interface FieldError {
  /** Dotted path to the offending field (`tags.0`, `query.limit`). */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** A stable, more specific code than the kind, e.g. `project.key_taken`. */
  code?: string;
  errors?: FieldError[];
  /** Extra members added to the problem document (e.g. `allowed` transitions). */
  extensions?: Record<string, unknown>;
  /** Headers to send with the problem (e.g. Retry-After). */
  headers?: Record<string, string>;
}

export class AppError extends Error {
  readonly kind: ProblemKind;
  readonly code: string;
  readonly errors?: FieldError[];
  readonly extensions?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(kind: ProblemKind, detail: string, options: AppErrorOptions = {}) {
    super(detail);
    this.name = 'AppError';
    this.kind = kind;
    this.code = options.code ?? kind;
    this.errors = options.errors;
    this.extensions = options.extensions;
    this.headers = options.headers;
  }

  get status(): number {
    return problemKinds[this.kind].status;
  }
}

/** 404 for a resource that does not exist or belongs to another workspace: the two are indistinguishable. */
export function notFound(resourceLabel: string, id: string): AppError {
  return new AppError('not_found', `No ${resourceLabel} with id ${id}.`, {
    code: `${resourceLabel}.not_found`,
  });
}

/** 400 with one field error. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });
}
