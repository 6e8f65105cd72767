import { AppError, type FieldError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { type LintReport, lintMigrations } from '../../engines/sql-lint/index.ts';
import { type LintRequest, type LintSettings, lintLimits } from './contracts.ts';
import { assertKnownRules } from './rules.ts';
import { readSettings } from './settings.ts';

const maxNamed = 10;

/**
 * The size limits of a lint request, beyond what the body limit already bounds: 413 naming the
 * files over the limit, so that a CI job knows which migration to split or leave out.
 */
export function assertWithinLimits(files: LintRequest['files']): void {
  const problems: FieldError[] = [];
  if (files.length > lintLimits.files)
    problems.push({ path: 'files', message: `${files.length} files; at most ${lintLimits.files}` });
  let total = 0;
  files.forEach((file, index) => {
    const bytes = Buffer.byteLength(file.sql, 'utf8');
    total += bytes;
    if (bytes > lintLimits.fileBytes)
      problems.push({
        path: `files.${index}.sql`,
        message: `${file.path} is ${bytes} bytes; at most ${lintLimits.fileBytes}`,
      });
  });
  if (total > lintLimits.totalBytes)
    problems.push({
      path: 'files',
      message: `${total} bytes of SQL in all; at most ${lintLimits.totalBytes}`,
    });
  if (problems.length === 0) return;
  throw new AppError(
    'payload_too_large',
    `Too much SQL to lint in one request: at most ${lintLimits.files} files, ${lintLimits.fileBytes} bytes each and ${lintLimits.totalBytes} bytes in all. Lint the migrations in several requests.`,
    { code: 'migrations.too_large', errors: problems.slice(0, maxNamed) },
  );
}

/** Lints the files with the request's options, or the project's settings where it gives none. */
export function lintWith(settings: LintSettings, request: LintRequest): Promise<LintReport> {
  return lintMigrations(request.files, {
    pgVersion: request.pgVersion ?? settings.pgVersion,
    disabledRules: request.disabledRules ?? settings.disabledRules,
    assumeInTransaction: request.assumeInTransaction,
  });
}

/** Checks a request before any linting: its size (413) and its rule ids (400). */
export function checkRequest(request: LintRequest): void {
  assertWithinLimits(request.files);
  assertKnownRules(request.disabledRules, 'disabledRules');
}

/** POST …/migrations/lint: the engine's report, with the project's settings as defaults; stores nothing. */
export async function lintForProject(scope: Scope, request: LintRequest): Promise<LintReport> {
  checkRequest(request);
  const settings = await scope.db.read((db) => readSettings(db, scope));
  return lintWith(settings, request);
}
