import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, invalidField } from '../errors/app-error.ts';
import { checkText } from '../input/text.ts';

/**
 * The rules every input meets before any route sees it, in one place (docs/security.md lists them):
 * - JSON bodies are UTF-8 (a declared charset other than utf-8 is 415), at most `maxJsonDepth`
 *   levels deep and `maxJsonNodes` values in all;
 * - no string, object key, path or query parameter holds a NUL character (PostgreSQL cannot store
 *   one in text or jsonb) or a lone UTF-16 surrogate (not Unicode: it cannot be stored as UTF-8);
 * - `__proto__` and `constructor.prototype` keys are refused while parsing (prototype poisoning).
 * Each breach is a 400 problem naming the field, and nothing is written.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types the route takes unparsed, as a Buffer (see `RouteDefinition.rawBodies`). */
    rawBodies?: readonly string[];
  }
}

/** Does this request's route take its body of this media type unparsed? */
export function takesRawBody(request: FastifyRequest, mediaType: string): boolean {
  return request.routeOptions.config?.rawBodies?.includes(mediaType) ?? false;
}

export const maxJsonDepth = 64;
export const maxJsonNodes = 100_000;

const acceptedCharsets = new Set(['utf-8', 'utf8']);

/**
 * Replaces the JSON body parser with one that applies the rules above. A route that takes JSON
 * unparsed gets the bytes (once the charset is known to be UTF-8) and applies them itself.
 */
export function installJsonBodyRules(http: FastifyInstance): void {
  const parseJson = http.getDefaultJsonParser('error', 'error');
  http.removeContentTypeParser('application/json');
  http.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset && !acceptedCharsets.has(charset)) {
      done(
        new AppError(
          'unsupported_media_type',
          `JSON bodies must be UTF-8; this one declares charset=${charset}.`,
          {
            code: 'unsupported_charset',
          },
        ),
        undefined,
      );
      return;
    }
    if (takesRawBody(request, 'application/json')) return done(null, body);
    const text = typeof body === 'string' ? body : body.toString('utf8');
    parseJson(request, text, (error, value) => {
      if (error) return done(error, undefined);
      try {
        checkJsonValue(value);
      } catch (breach) {
        return done(breach instanceof Error ? breach : new Error(String(breach)), undefined);
      }
      done(null, value);
    });
  });
}

function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/** Walks a parsed body without recursion (so depth cannot overflow the stack) and checks every string. */
export function checkJsonValue(root: unknown): void {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: 'body', depth: 0 },
  ];
  let nodes = 0;
  while (pending.length > 0) {
    const next = pending.pop();
    if (!next) break;
    const { value, path, depth } = next;
    nodes += 1;
    if (nodes > maxJsonNodes)
      throw invalidField('body', `holds more than ${maxJsonNodes.toLocaleString('en')} values`);
    if (typeof value === 'string') {
      checkText(path, value);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxJsonDepth) throw invalidField(path, `is nested deeper than ${maxJsonDepth} levels`);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        pending.push({ value: item, path: `${path}.${index}`, depth: depth + 1 });
      });
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      checkText(`${path}.${key}`, key, 'key');
      pending.push({ value: item, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
}

/**
 * Refuses NUL in the path and in query names and values before routing, on the raw URL, so that no
 * route's schema has to remember it.
 */
export async function refuseUnsafeUrl(request: FastifyRequest): Promise<void> {
  const [path = '', query = ''] = splitOnce(request.raw.url ?? '', '?');
  if (path.includes('\u0000') || /%00/i.test(path))
    throw invalidField('path', 'contains a NUL character (%00)');
  if (!query) return;
  for (const [name, value] of new URLSearchParams(query)) {
    checkText(`query.${name}`, name, 'key');
    checkText(`query.${name}`, value);
  }
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** Errors Fastify raises before a route is found (a malformed URL, an over-long parameter). */
export function frameworkError(error: Error & { code?: string }): AppError {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new AppError(
      'uri_too_long',
      'A path parameter is longer than this server accepts (200 characters).',
      {
        code: 'path_parameter_too_long',
      },
    );
  if (error.code === 'FST_ERR_BAD_URL')
    return new AppError('validation_failed', 'The path is not valid percent-encoded UTF-8.', {
      code: 'malformed_url',
      errors: [{ path: 'path', message: 'is not valid percent-encoded UTF-8' }],
    });
  return new AppError('validation_failed', error.message);
}
