import { AppError } from '../../core/errors/app-error.ts';
import { ArchiveRefused } from '../../engines/test-results/index.ts';

/**
 * Why an upload was refused, as the client is told: an archive the reader refused is 422 with the
 * reason and the entry at fault; limits and media types keep their own answers.
 */
export function refusalOf(error: unknown): unknown {
  if (!(error instanceof ArchiveRefused)) return error;
  return new AppError('unprocessable', `The archive was refused: ${error.message}`, {
    code: `test_run.archive_${error.reason.replace(/-/g, '_')}`,
    extensions: { reason: error.reason, ...(error.path ? { file: error.path } : {}) },
    // The rest of the body is not read: the connection closes rather than carry it.
    headers: { connection: 'close' },
  });
}
