import { AppError, invalidField } from '../../core/errors/app-error.ts';
import { parseJsonBytes, parseValue } from '../../core/http/raw-bodies.ts';
import { type UploadQuery, uploadJsonSchema, uploadMediaTypes } from './contracts.ts';
import type { ContractInput } from './engine.ts';

// An upload comes as JSON carrying the document as text, or as the raw document or archive with the
// version label in the query. Either way it becomes the loader's input and the label to store.

/**
 * A version upload as the route received it: the body (unparsed bytes, as the route takes every
 * upload type raw), its media type and the query.
 */
export interface UploadRequest {
  body: unknown;
  mediaType: string;
  query: UploadQuery;
}

/** What to load and how to label it. */
export interface Upload {
  label: string;
  commit?: string;
  input: ContractInput;
}

/** A file name for a raw body that came without one, so the loader knows what it reads. */
const namesByType: Record<string, string> = {
  'application/json': 'openapi.json',
  'application/yaml': 'openapi.yaml',
  'application/x-yaml': 'openapi.yaml',
  'text/yaml': 'openapi.yaml',
  'application/graphql': 'schema.graphql',
  'application/zip': 'contract.zip',
  'application/gzip': 'contract.tar.gz',
  'application/x-gzip': 'contract.tar.gz',
  'application/x-tar': 'contract.tar',
};

function tooLarge(bytes: number, maxBytes: number): AppError {
  return new AppError(
    'payload_too_large',
    `The contract is ${bytes} bytes; this server takes contracts of at most ${maxBytes} bytes (CONTRACT_UPLOAD_LIMIT_BYTES).`,
    { code: 'contracts.too-large' },
  );
}

/** `application/yaml; charset=utf-8` → `application/yaml`. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The JSON form: `{ version, commit?, content, filename? }`, and nothing in the query. */
function fromJson(request: UploadRequest, maxBytes: number): Upload {
  const stray = Object.keys(request.query);
  if (stray.length > 0)
    throw invalidField(
      `query.${stray[0]}`,
      'is for raw bodies; a JSON upload carries everything in its body',
    );
  const body = Buffer.isBuffer(request.body)
    ? parseJsonBytes(request.body, uploadJsonSchema)
    : parseValue(request.body, uploadJsonSchema);
  const bytes = Buffer.byteLength(body.content, 'utf8');
  if (bytes > maxBytes) throw tooLarge(bytes, maxBytes);
  return {
    label: body.version,
    commit: body.commit,
    input: { kind: 'text', name: body.filename ?? 'contract', text: body.content },
  };
}

/** The raw form: the document or an archive as the body, its label in `?version=`. */
function fromRawBody(request: UploadRequest, maxBytes: number): Upload {
  const { query, mediaType } = request;
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.from(JSON.stringify(request.body));
  if (!query.version)
    throw invalidField(
      'query.version',
      'is required with a raw body (or send JSON with version and content)',
    );
  if (body.length > maxBytes) throw tooLarge(body.length, maxBytes);
  const name = query.filename ?? namesByType[mediaType] ?? 'contract';
  const upload = { label: query.version, commit: query.commit };
  if (uploadMediaTypes.archives.some((archive) => archive === mediaType))
    return { ...upload, input: { kind: 'archive', name, bytes: body, entry: query.entry } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new AppError('unprocessable', 'The document is not UTF-8 text.', { code: 'contracts.not-utf8' });
  }
  return { ...upload, input: { kind: 'text', name, text } };
}

/**
 * Reads an upload in whichever form it came: JSON with the document inside unless the query names
 * the version, in which case the JSON body is the document itself.
 */
export function readUpload(request: UploadRequest, maxBytes: number): Upload {
  const isJsonWrapper = request.mediaType === uploadMediaTypes.json && request.query.version === undefined;
  return isJsonWrapper ? fromJson(request, maxBytes) : fromRawBody(request, maxBytes);
}
