import { z } from 'zod';
import type { Row } from '../../core/resource/define.ts';
import { listRows, type Scope } from '../../core/resource/service.ts';
import type { Executor } from '../../db/connection.ts';
import { decisionResource } from './resource.ts';
import { decisionStatuses, referenceOf } from './schema.ts';
import { supersessionLinks } from './store.ts';

export const timelineQuerySchema = z.strictObject({
  project: z.uuid().optional().describe('Only the decisions of this project'),
  from: z.iso.date().optional().describe('Decisions taken on or after this date'),
  to: z.iso.date().optional().describe('Decisions taken on or before this date'),
  limit: z.coerce.number().int().min(1).max(200).default(100).describe('Page size (default 100)'),
  cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page'),
});

export const timelineEntrySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    reference: z.string(),
    title: z.string(),
    status: z.enum(decisionStatuses),
    decisionType: z.string(),
    decisionDate: z.string().describe('YYYY-MM-DD'),
    projectId: z.uuid().nullable(),
    supersedes: z.array(z.uuid()),
    supersededBy: z.uuid().nullable(),
    chain: z
      .array(z.uuid())
      .describe('The supersession chain this decision is part of, oldest first (just itself if none)'),
    current: z.uuid().describe('The decision in force at the end of the chain'),
  })
  .meta({ id: 'DecisionTimelineEntry' });

/** Decisions in date order with their supersession chains. */
export async function timeline(db: Executor, scope: Scope, query: z.output<typeof timelineQuerySchema>) {
  const page = await listRows(db, decisionResource, scope, {
    sort: 'decisionDate,number',
    limit: query.limit,
    cursor: query.cursor,
    'filter[project]': query.project,
    'filter[decisionDate][gte]': query.from,
    'filter[decisionDate][lte]': query.to,
  });
  const links = await supersessionLinks(db, scope.ctx.workspaceId);
  const next = new Map<string, string>();
  const previous = new Map<string, string[]>();
  for (const link of links) {
    if (!link.supersededBy) continue;
    next.set(link.id, link.supersededBy);
    previous.set(link.supersededBy, [...(previous.get(link.supersededBy) ?? []), link.id]);
  }
  return { data: page.data.map((row) => entryOf(row, next, previous)), nextCursor: page.nextCursor };
}

function entryOf(row: Row, next: Map<string, string>, previous: Map<string, string[]>) {
  const forward: string[] = [];
  const seen = new Set([row.id]);
  for (let id = next.get(row.id); id && !seen.has(id); id = next.get(id)) {
    seen.add(id);
    forward.push(id);
  }
  const backward: string[] = [];
  let frontier = [row.id];
  while (frontier.length) {
    const older = frontier.flatMap((id) => previous.get(id) ?? []).filter((id) => !seen.has(id));
    for (const id of older) seen.add(id);
    backward.unshift(...older);
    frontier = older;
  }
  return {
    id: row.id,
    number: row.number as number,
    reference: referenceOf(row.number as number),
    title: row.title as string,
    status: row.status as (typeof decisionStatuses)[number],
    decisionType: row.decisionType as string,
    decisionDate: row.decisionDate as string,
    projectId: (row.projectId as string | null) ?? null,
    supersedes: row.supersedes as string[],
    supersededBy: (row.supersededBy as string | null) ?? null,
    chain: [...backward, row.id, ...forward],
    current: forward[forward.length - 1] ?? row.id,
  };
}
