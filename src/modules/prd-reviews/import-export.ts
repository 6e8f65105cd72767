import { AppError } from '../../core/errors/app-error.ts';
import type { Download } from '../../core/http/download.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible, getRow } from '../../core/resource/service.ts';
import { createRow } from '../../core/resource/writes.ts';
import type { ExportFormat, ImportInput } from './contracts.ts';
import { fromMarkdown, toMarkdown, toSpec } from './exchange.ts';
import { prdResource } from './resource.ts';
import type { PrdRow } from './tables.ts';

/** The PRD as Markdown with front matter, or as the spec.md coding agents read. */
export async function exportPrd(scope: Scope, id: string, format: ExportFormat): Promise<Download> {
  const prd = await scope.db.read((db) => getRow(db, prdResource, scope, id));
  const contentType = 'text/markdown; charset=utf-8';
  if (format === 'spec') return { contentType, fileName: 'spec.md', body: toSpec(prd) };
  return { contentType, fileName: `prd-${prd.id}.md`, body: toMarkdown(prd) };
}

/** Creates a PRD from Markdown: the title given, else the front matter's, else the first heading. */
export async function importPrd(scope: Scope, input: ImportInput): Promise<PrdRow> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const parsed = fromMarkdown(input.markdown);
    const values = prdResource.schemas.create.safeParse({
      title: input.title ?? parsed.title ?? '',
      content: parsed.content,
    });
    if (!values.success) {
      throw new AppError(
        'validation_failed',
        'The Markdown has no title: give `title`, front matter or a # heading.',
        { errors: [{ path: 'title', message: 'missing' }] },
      );
    }
    return createRow(tx, prdResource, scope, values.data);
  });
}
