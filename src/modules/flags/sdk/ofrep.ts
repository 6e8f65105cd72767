import { createHash } from 'node:crypto';
import { AppError } from '../../../core/errors/app-error.ts';
import {
  type Evaluation,
  type EvaluationContext,
  evaluateAll,
  evaluateFlag,
} from '../../../engines/flag-eval/index.ts';
import { matchesEtag, type SdkAnswer } from './answer.ts';
import type { SdkCall } from './runtime.ts';

// The OpenFeature Remote Evaluation Protocol (OFREP): one flag, or every flag, for a context.
// Errors are problem documents that also carry OFREP's members (key, errorCode, errorDetails), so
// OpenFeature providers read them as evaluation failures.

/** OFREP's error codes; the engine's TYPE_MISMATCH has no OFREP equivalent and is GENERAL. */
type OfrepErrorCode =
  | 'PARSE_ERROR'
  | 'TARGETING_KEY_MISSING'
  | 'INVALID_CONTEXT'
  | 'GENERAL'
  | 'FLAG_NOT_FOUND';

const successfulReasons = new Set(['STATIC', 'TARGETING_MATCH', 'SPLIT']);

/** `POST /ofrep/v1/evaluate/flags/{key}`. */
export async function evaluateOneFlag(call: SdkCall, flagKey: string, body: unknown): Promise<SdkAnswer> {
  const context = contextOf(body, flagKey);
  const served = await call.snapshots.current(call.key);
  const evaluation = evaluateFlag(served.compiled, flagKey, context);
  if (evaluation.reason === 'ERROR') throw evaluationFailure(evaluation);
  countEvaluation(call, evaluation);
  return { status: 200, json: JSON.stringify(ofrepSuccess(evaluation)) };
}

/**
 * `POST /ofrep/v1/evaluate/flags`: every flag of the environment. The ETag names the snapshot and
 * the context, so a provider polling with If-None-Match gets 304 until either changes.
 */
export async function evaluateAllFlags(
  call: SdkCall,
  body: unknown,
  ifNoneMatch: string | undefined,
): Promise<SdkAnswer> {
  const context = contextOf(body);
  const served = await call.snapshots.current(call.key);
  const contextHash = createHash('sha256').update(JSON.stringify(context)).digest('base64url').slice(0, 16);
  const etag = `"${served.revision}.${contextHash}"`;
  if (matchesEtag(ifNoneMatch, etag)) return { status: 304, headers: { etag } };
  const flags = evaluateAll(served.compiled, context).map((evaluation) => {
    if (evaluation.reason === 'ERROR') return ofrepFailure(evaluation);
    countEvaluation(call, evaluation);
    return ofrepSuccess(evaluation);
  });
  return { status: 200, headers: { etag }, json: JSON.stringify({ flags }) };
}

/** The request's context: `{context: {...}}`, a missing body or context meaning an empty one. */
function contextOf(body: unknown, flagKey?: string): EvaluationContext {
  const parsed = parsedBody(body, flagKey);
  if (parsed === undefined || parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    throw requestFailure(flagKey, 'INVALID_CONTEXT', 'The body must be a JSON object: {"context": {...}}.');
  const context = 'context' in parsed ? parsed.context : undefined;
  if (context === undefined || context === null) return {};
  if (typeof context !== 'object' || Array.isArray(context))
    throw requestFailure(flagKey, 'INVALID_CONTEXT', 'The context must be a JSON object.');
  const { targetingKey } = context as { targetingKey?: unknown };
  if (targetingKey !== undefined && typeof targetingKey !== 'string')
    throw requestFailure(flagKey, 'INVALID_CONTEXT', 'The context’s targetingKey must be a string.');
  return context as EvaluationContext;
}

/** The routes take JSON unparsed so that a malformed body is OFREP's PARSE_ERROR. */
function parsedBody(body: unknown, flagKey: string | undefined): unknown {
  if (!(body instanceof Uint8Array)) return body;
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw requestFailure(flagKey, 'PARSE_ERROR', 'The body is not valid JSON.');
  }
}

function ofrepSuccess(evaluation: Evaluation) {
  const metadata: Record<string, string> = {};
  if (evaluation.ruleId) metadata.ruleId = evaluation.ruleId;
  if (evaluation.failedPrerequisite) metadata.failedPrerequisite = evaluation.failedPrerequisite;
  return {
    key: evaluation.key,
    value: evaluation.value,
    reason: evaluation.reason,
    ...(evaluation.variant === undefined ? {} : { variant: evaluation.variant }),
    metadata,
  };
}

function ofrepFailure(evaluation: Evaluation) {
  return {
    key: evaluation.key,
    errorCode: ofrepCode(evaluation),
    errorDetails: evaluation.errorMessage ?? 'The flag could not be evaluated.',
  };
}

function ofrepCode(evaluation: Evaluation): OfrepErrorCode {
  const code = evaluation.errorCode;
  return code === undefined || code === 'TYPE_MISMATCH' ? 'GENERAL' : code;
}

function evaluationFailure(evaluation: Evaluation): AppError {
  const failure = ofrepFailure(evaluation);
  if (failure.errorCode === 'FLAG_NOT_FOUND')
    return new AppError('not_found', `No flag ${evaluation.key} in this environment.`, {
      code: 'flags.flag_not_found',
      extensions: { ...failure, errorDetails: `No flag ${evaluation.key} in this environment.` },
    });
  return new AppError('validation_failed', failure.errorDetails, {
    code: `flags.${failure.errorCode.toLowerCase()}`,
    extensions: failure,
  });
}

function requestFailure(flagKey: string | undefined, errorCode: OfrepErrorCode, detail: string): AppError {
  return new AppError('validation_failed', detail, {
    code: `flags.${errorCode.toLowerCase()}`,
    extensions: { ...(flagKey === undefined ? {} : { key: flagKey }), errorCode, errorDetails: detail },
  });
}

function countEvaluation(call: SdkCall, evaluation: Evaluation): void {
  call.counter.count(
    call.key,
    evaluation.key,
    evaluation.variant ?? '',
    successfulReasons.has(evaluation.reason),
  );
}
