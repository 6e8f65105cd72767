import type { z } from 'zod';
import type { Scope } from '../../core/resource/scope.ts';
import { listRows } from '../../core/resource/service.ts';
import { referenceOf, type timelineQuerySchema } from './contracts.ts';
import { decisionResource } from './resource.ts';
import { supersessionLinks } from './store.ts';
import type { DecisionRow } from './tables.ts';

/** Decisions in date order with their supersession chains. */
export async function decisionTimeline(scope: Scope, query: z.output<typeof timelineQuerySchema>) {
  return scope.db.read(async (db) => {
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
  });
}

function entryOf(row: DecisionRow, next: Map<string, string>, previous: Map<string, string[]>) {
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
    number: row.number,
    reference: referenceOf(row.number),
    title: row.title,
    status: row.status,
    decisionType: row.decisionType,
    decisionDate: row.decisionDate,
    projectId: row.projectId,
    supersedes: row.supersedes,
    supersededBy: row.supersededBy,
    chain: [...backward, row.id, ...forward],
    current: forward[forward.length - 1] ?? row.id,
  };
}
