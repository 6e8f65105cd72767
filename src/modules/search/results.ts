import { z } from 'zod';
import { invalidField } from '../../core/errors/app-error.ts';
import type { AnyResource } from '../../core/resource/define.ts';
import { type Facet, type FacetRow, type Hit, highlightMarks } from './documents-store.ts';

// How matches from the index become the answer: escaped highlights, API paths, facets, cursors.

/** HTML-escapes text and turns the highlight marks into <mark> elements. */
function highlighted(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replaceAll(highlightMarks.start, '<mark>')
    .replaceAll(highlightMarks.stop, '</mark>');
}

/** The path of an entity in the API. */
function pathOf(definition: AnyResource, id: string, projectId: string | null): string {
  return definition.scope === 'project'
    ? `/api/v1/projects/${projectId}/${definition.path}/${id}`
    : `/api/v1/${definition.path}/${id}`;
}

/** A hit as the answer shows it; `types` are the resources searched, one of which it is. */
export function resultOf(hit: Hit, types: readonly AnyResource[]) {
  const definition = types.find((candidate) => candidate.name === hit.entity_type);
  if (!definition) throw new Error(`search found a ${hit.entity_type}, a type it did not search`);
  return {
    type: hit.entity_type,
    id: hit.entity_id,
    projectId: hit.project_id,
    title: hit.title,
    titleHighlight: highlighted(hit.title_highlight),
    snippet: highlighted(hit.snippet),
    status: hit.status,
    tags: hit.tags,
    rank: Number(hit.rank),
    path: pathOf(definition, hit.entity_id, hit.project_id),
  };
}

/** The facet counts, by facet and value. */
export function facetsOf(rows: readonly FacetRow[]): Record<Facet, Record<string, number>> {
  const facets: Record<Facet, Record<string, number>> = { type: {}, status: {}, project: {}, tag: {} };
  for (const row of rows) facets[row.facet][row.value] = Number(row.count);
  return facets;
}

export function encodeCursor(hit: Hit): string {
  return Buffer.from(JSON.stringify([hit.rank, hit.entity_id])).toString('base64url');
}

const cursorShape = z.tuple([z.string().regex(/^[0-9.e+-]+$/i), z.string().regex(/^[0-9a-f-]{36}$/i)]);

/** Where the previous page ended; 400 for anything this server did not issue. */
export function decodeCursor(cursor: string): { rank: string; id: string } {
  try {
    const [rank, id] = cursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString()));
    return { rank, id };
  } catch {
    throw invalidField('query.cursor', 'not a cursor this server issued');
  }
}
