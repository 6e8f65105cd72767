import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppSettings } from '../../core/http/route.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import type { SagaEngine } from '../../core/sagas/engine.ts';
import {
  type ArchiveLimits,
  archiveEntries,
  defaultArchiveLimits,
} from '../../engines/test-results/index.ts';
import { type UploadKind, type UploadQuery, uploadKindOf, uploadMediaTypes } from './contracts.ts';
import { startImport } from './import-saga.ts';
import { allureReport, type RunRow } from './tables.ts';
import { type ChunkWriter, createChunkWriter } from './upload-chunks.ts';
import { refusalOf } from './upload-refusals.ts';

// An upload is taken in as it streams: its bytes are stored in chunks while the same bytes go
// through the archive reader, which refuses a bad archive (traversal, too many or too large files,
// a zip bomb, corruption) before anything is imported. A refused upload leaves nothing behind.

export interface UploadRequest {
  body: Readable | undefined;
  mediaType: string;
  /** The Content-Length header, when the client sent one. */
  declaredBytes?: number;
  query: UploadQuery;
}

type Limits = AppSettings['testUploadLimits'];

export function archiveLimitsOf(limits: Limits): ArchiveLimits {
  return {
    ...defaultArchiveLimits,
    maxFiles: limits.files,
    maxEntryBytes: limits.entryBytes,
    maxUnpackedBytes: limits.unpackedBytes,
    maxRatio: 200,
  };
}

/** Takes an upload in whole (refusing it with 413/415/422, leaving nothing) and answers the queued run. */
export async function receiveUpload(
  scope: Scope,
  request: UploadRequest,
  limits: Limits,
  sagas: SagaEngine,
): Promise<RunRow> {
  await scope.db.read((db) => assertProjectVisible(db, scope));
  const kind = uploadKindOf(request.mediaType);
  if (!kind || !request.body)
    throw new AppError(
      'unsupported_media_type',
      `Upload a results folder as ${uploadMediaTypes.join(', ')} (got ${request.mediaType || 'no body'}).`,
      { code: 'test_run.unsupported_media_type' },
    );
  if (request.declaredBytes !== undefined && request.declaredBytes > limits.uploadBytes)
    throw tooLarge(limits.uploadBytes);
  const run = await createRun(scope, projectOf(scope), request.query, kind);
  try {
    const uploadBytes = await storeAndCheck(scope, run.id, request.body, kind, limits);
    return await markQueued(scope, sagas, run.id, uploadBytes);
  } catch (error) {
    // The run and its chunks go (chunks with the run); what the client sent is refused whole.
    await scope.db.read((db) => db.delete(allureReport).where(eq(allureReport.id, run.id)));
    throw refusalOf(error);
  }
}

function projectOf(scope: Scope): string {
  if (!scope.projectId) throw new Error('a test run is uploaded to a project');
  return scope.projectId;
}

async function createRun(
  scope: Scope,
  projectId: string,
  query: UploadQuery,
  kind: UploadKind,
): Promise<RunRow> {
  const [run] = await scope.db.read((db) =>
    db
      .insert(allureReport)
      .values({
        id: uuidv7(),
        workspaceId: scope.ctx.workspaceId,
        projectId,
        name: query.name ?? defaultName(query),
        format: kind === 'xml' ? 'junit' : 'allure',
        commitSha: query.commit?.toLowerCase(),
        branch: query.branch,
        pipelineUrl: query.pipelineUrl,
        environment: query.environment,
        skipInvalid: query.skipInvalid ?? false,
        status: 'uploading',
        createdBy: scope.ctx.actor.userId,
      })
      .returning(),
  );
  if (!run) throw new Error('inserting a test run returned nothing');
  return run;
}

/** "main abc1234", "main", "abc1234", else "Run 2026-12-07 01:30 UTC". */
export function defaultName(query: UploadQuery): string {
  const parts = [query.branch, query.commit?.slice(0, 7)].filter(Boolean);
  if (parts.length) return parts.join(' ');
  return `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Stores the body in chunks while the archive reader checks the same bytes; answers the byte count. */
async function storeAndCheck(
  scope: Scope,
  runId: string,
  body: Readable,
  kind: UploadKind,
  limits: Limits,
): Promise<number> {
  const store = createChunkWriter(scope.db, runId);
  const upload = passThroughStore(body, store, limits.uploadBytes);
  if (kind !== 'xml') {
    let files = 0;
    // Each entry is checked as it is read; its bytes are dropped here and read again by the import.
    for await (const _entry of archiveEntries(upload.source, kind, archiveLimitsOf(limits))) files += 1;
    if (files === 0)
      throw new AppError('unprocessable', 'The archive holds no files: is it the results folder?', {
        code: 'test_run.empty_archive',
      });
  }
  await upload.rest();
  const stored = await store.end();
  if (stored === 0)
    throw new AppError('unprocessable', 'The upload is empty.', { code: 'test_run.empty_upload' });
  return stored;
}

/**
 * The body as a source the archive reader consumes, each chunk counted against the limit and stored
 * before it is handed on (so the database write paces the upload). The reader may stop before the
 * end (a zip's directory follows its entries): `rest` stores whatever it left.
 */
function passThroughStore(body: Readable, store: ChunkWriter, maxBytes: number) {
  const chunks = body[Symbol.asyncIterator]();
  let received = 0;
  const next = async (): Promise<IteratorResult<Uint8Array>> => {
    const item = await chunks.next();
    if (item.done) return { done: true, value: undefined };
    const bytes: Uint8Array = item.value;
    received += bytes.byteLength;
    if (received > maxBytes) throw tooLarge(maxBytes);
    await store.write(bytes);
    return { done: false, value: bytes };
  };
  const source: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next,
      // The reader stopping early must not end the body: the rest is still to be stored.
      return: async () => ({ done: true, value: undefined }),
    }),
  };
  return {
    source,
    async rest() {
      for (let item = await next(); !item.done; item = await next()) {
        // stored by next()
      }
    },
  };
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'payload_too_large',
    `This server takes test-result uploads of at most ${maxBytes} bytes (TEST_UPLOAD_LIMIT_BYTES).`,
    { code: 'test_run.upload_too_large', headers: { connection: 'close' } },
  );
}

/** Queues the stored upload and starts its import's saga, together: a queued run always has one. */
async function markQueued(
  scope: Scope,
  sagas: SagaEngine,
  runId: string,
  uploadBytes: number,
): Promise<RunRow> {
  return scope.db.transaction(async (tx) => {
    const [run] = await tx
      .update(allureReport)
      .set({ status: 'queued', uploadBytes })
      .where(and(eq(allureReport.id, runId), eq(allureReport.status, 'uploading')))
      .returning();
    if (!run) throw new AppError('conflict', 'The run was deleted while it was uploaded.');
    await startImport(sagas, scope, tx, run);
    return run;
  });
}
