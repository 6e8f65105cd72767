import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { AppError, invalidField } from '../errors/app-error.ts';
import { checkJsonValue, takesRawBody } from './input-rules.ts';
import { invalidInput } from './problem.ts';

/**
 * Adds a parser for each media type some route takes raw (JSON excepted: its parser is the app's
 * own, which hands raw bodies over itself). The parser hands the bytes to routes that list the type
 * and answers 415 to every other route, as if no parser existed; the route's body limit applies.
 */
export function installRawBodyParsers(http: FastifyInstance, mediaTypes: Iterable<string>): void {
  for (const mediaType of new Set(mediaTypes)) {
    if (mediaType === 'application/json') continue;
    http.addContentTypeParser(mediaType, { parseAs: 'buffer' }, (request, body, done) => {
      if (takesRawBody(request, mediaType)) return done(null, body);
      done(
        new AppError('unsupported_media_type', `This route does not take ${mediaType} bodies.`, {
          code: 'unsupported_media_type',
        }),
        undefined,
      );
    });
  }
}

/**
 * In a route's own scope: hands the request stream itself, unread, to the route for each media
 * type (replacing the app's parser for that type in this scope only). Nothing is buffered, so the
 * route counts the bytes and enforces its own limit.
 */
export function installStreamBodyParsers(scoped: FastifyInstance, mediaTypes: Iterable<string>): void {
  for (const mediaType of new Set(mediaTypes)) {
    if (scoped.hasContentTypeParser(mediaType)) scoped.removeContentTypeParser(mediaType);
    scoped.addContentTypeParser(mediaType, (_request, payload, done) => done(null, payload));
  }
}

/**
 * A JSON body a route took unparsed, read with the rules every JSON body meets (UTF-8; depth, size,
 * NUL and surrogate limits; no prototype keys) and validated by the schema: the same 400 problems
 * a route's own validation gives.
 */
export function parseJsonBytes<S extends z.ZodType>(bytes: Uint8Array, schema: S): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('validation_failed', 'The body is not valid JSON.');
  }
  checkJsonValue(value);
  refusePrototypeKeys(value);
  return parseValue(value, schema);
}

/** A value validated by a schema in a service, refused with the 400 problem route validation gives. */
export function parseValue<S extends z.ZodType>(value: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** `__proto__` and `constructor.prototype` keys are refused, as the app's JSON parser refuses them. */
function refusePrototypeKeys(root: unknown): void {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, item] of Object.entries(value)) {
      if (key === '__proto__') throw invalidField('body', 'holds a __proto__ key');
      if (key === 'constructor' && typeof item === 'object' && item !== null && 'prototype' in item)
        throw invalidField('body', 'holds a constructor.prototype key');
      pending.push(item);
    }
  }
}
