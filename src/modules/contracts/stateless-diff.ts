import { AppError } from '../../core/errors/app-error.ts';
import type { DiffResult } from '../../engines/openapi-diff/index.ts';
import type { StatelessDiffRequest } from './contracts.ts';
import { diffDocuments, documentText, loadUpload, parsedDocument } from './engine.ts';
import { assertKnownRules } from './settings.ts';

/**
 * POST /contracts/diff: two documents in, the engine's diff out. Nothing is read or stored, so an
 * agent may check a change before it commits it. Both must load (422 with the loader's message
 * otherwise, naming which) and be of one kind.
 */
export async function diffStateless(request: StatelessDiffRequest, maxBytes: number): Promise<DiffResult> {
  const options = request.options ?? {};
  assertKnownRules(options.disabledRules ?? [], 'options.disabledRules');
  assertKnownRules(Object.keys(options.levelOverrides ?? {}), 'options.levelOverrides');
  const load = async (side: 'base' | 'revision') => {
    const input = request[side];
    try {
      return await loadUpload(
        { kind: 'text', name: input.filename ?? 'contract', text: input.content },
        maxBytes,
      );
    } catch (error) {
      if (error instanceof AppError)
        throw new AppError(error.kind, `${side}: ${error.message}`, {
          code: error.code,
          extensions: { ...error.extensions, side },
        });
      throw error;
    }
  };
  const base = await load('base');
  const revision = await load('revision');
  if (base.kind !== revision.kind)
    throw new AppError(
      'unprocessable',
      `The base is ${base.kind} and the revision ${revision.kind}: diff documents of one kind.`,
      {
        code: 'contracts.kind_mismatch',
      },
    );
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return diffDocuments(
    base.kind,
    parsedDocument(base.kind, documentText(base)),
    parsedDocument(revision.kind, documentText(revision)),
    { ...options, today },
  );
}
