import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { allureReport, type StoredAttachment, testAttachments, testRunAttachments } from './tables.ts';

// Attachments are stored once per workspace by the sha256 of their bytes, linked to each run that
// has them, and served only through such a run, with headers that keep a browser from running them.

const mediaTypesByExtension: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  htm: 'text/html',
  mp4: 'video/mp4',
  webm: 'video/webm',
  zip: 'application/zip',
  pdf: 'application/pdf',
};

/** What an attachment file is, by its extension (a result's declared type takes precedence). */
export function mediaTypeOfFile(path: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return mediaTypesByExtension[extension] ?? 'application/octet-stream';
}

/** An attachment file's name as results refer to it (`source`): its base name. */
export function sourceNameOf(path: string): string {
  return path.split('/').pop() ?? path;
}

export interface AttachmentStore {
  /** Stores (or finds) the file's bytes and links them to the run; answers what results refer to. */
  add(path: string, bytes: Uint8Array): Promise<void>;
  /** The stored attachment a result's `source` names. */
  get(source: string): StoredAttachment | undefined;
  flush(): Promise<void>;
}

interface Pending {
  sha256: string;
  size: number;
  mediaType: string;
  content: Buffer;
}

const batchBytes = 8 * 1024 * 1024;

/** What the import's writes need of its scope: the workspace-bound database. */
type Bound = Pick<Scope, 'db'>;

/** Stores a run's attachments in batches (one INSERT per table per batch), once per workspace and content. */
export function createAttachmentStore(scope: Bound, runId: string): AttachmentStore {
  const bySource = new Map<string, StoredAttachment>();
  let pending: Pending[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    pendingBytes = 0;
    const { workspaceId } = scope.db;
    await scope.db.transaction(async (tx) => {
      await tx
        .insert(testAttachments)
        .values(rows.map((row) => ({ ...row, workspaceId, firstRunId: runId })))
        .onConflictDoNothing();
      await tx
        .insert(testRunAttachments)
        .values(rows.map((row) => ({ workspaceId, runId, sha256: row.sha256 })))
        .onConflictDoNothing();
    });
  };
  return {
    async add(path, bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const stored = {
        name: sourceNameOf(path),
        mediaType: mediaTypeOfFile(path),
        size: bytes.byteLength,
        sha256,
      };
      bySource.set(stored.name, stored);
      if (pending.some((row) => row.sha256 === sha256)) return;
      pending.push({ sha256, size: stored.size, mediaType: stored.mediaType, content: Buffer.from(bytes) });
      pendingBytes += bytes.byteLength;
      if (pendingBytes >= batchBytes) await flush();
    },
    get: (source) => bySource.get(source),
    flush,
  };
}

/**
 * Removes what a run's import added: its links, and the attachments it stored first that no other
 * run links to (an attachment another run shares stays).
 */
export async function removeRunAttachments(scope: Bound, runId: string): Promise<void> {
  await scope.db.transaction(async (tx) => {
    await tx.delete(testRunAttachments).where(eq(testRunAttachments.runId, runId));
    await tx.execute(sql`delete from test_attachments a where a.first_run_id = ${runId}
      and not exists (select 1 from test_run_attachments l
        where l.workspace_id = a.workspace_id and l.sha256 = a.sha256)`);
  });
}

/** Types a browser shows without running anything. */
const passiveTypes = /^(image\/(png|jpeg|gif|webp|bmp|avif)|video\/(mp4|webm|ogg)|audio\/[\w.+-]+)$/;
const plainTextTypes = /^(text\/plain|text\/csv|text\/tab-separated-values|application\/json)$/;
/** Types a browser may render as a page or run (HTML, SVG, XML, scripts): served as plain text. */
const activeTextTypes =
  /^(text\/(html|xml|javascript|css|ecmascript)|application\/(xml|xhtml\+xml|javascript|ecmascript|[\w.-]+\+xml)|image\/svg\+xml)$/;

/** How an attachment is served: a type and disposition that never let it run on the API's origin. */
export function servedAs(mediaType: string, sha256: string): { contentType: string; disposition: string } {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (passiveTypes.test(type)) return { contentType: type, disposition: 'inline' };
  if (plainTextTypes.test(type) || activeTextTypes.test(type))
    return { contentType: 'text/plain; charset=utf-8', disposition: 'inline' };
  return { contentType: 'application/octet-stream', disposition: `attachment; filename="${sha256}"` };
}

/** An attachment's bytes, if the run (in the scope's project) has it; 404 otherwise. */
export async function readAttachment(
  scope: Scope,
  runId: string,
  sha256: string,
): Promise<{ mediaType: string; content: Buffer }> {
  const [found] = await scope.db.read((db) =>
    db
      .select({ mediaType: testAttachments.mediaType, content: testAttachments.content })
      .from(testRunAttachments)
      .innerJoin(allureReport, eq(allureReport.id, testRunAttachments.runId))
      .innerJoin(
        testAttachments,
        and(
          eq(testAttachments.workspaceId, testRunAttachments.workspaceId),
          eq(testAttachments.sha256, testRunAttachments.sha256),
        ),
      )
      .where(
        and(
          eq(testRunAttachments.runId, runId),
          eq(testRunAttachments.sha256, sha256),
          eq(allureReport.projectId, scope.projectId ?? ''),
          eq(allureReport.workspaceId, scope.ctx.workspaceId),
        ),
      ),
  );
  if (!found) throw notFound('test attachment', sha256);
  return found;
}
