// Synthetic Jira issues: 3–8 status moves each, most ending in Done. Shapes follow the docs cited in
// jira-routes.ts.
import type { Json, ReplayIssue } from './dataset.ts';
import { hour, jiraTime, jiraUser, people, type Random, start } from './synthetic-common.ts';

interface Status {
  id: string;
  name: string;
  category: 'new' | 'indeterminate' | 'done';
}
const todo: Status = { id: '10000', name: 'To Do', category: 'new' };
const doing: Status = { id: '3', name: 'In Progress', category: 'indeterminate' };
const review: Status = { id: '10001', name: 'In Review', category: 'indeterminate' };
const done: Status = { id: '10002', name: 'Done', category: 'done' };
const working = [todo, doing, review];
const moveItems = new Map<string, Json>();
const moveItem = (from: Status, to: Status) => {
  const key = `${from.id}>${to.id}`;
  const known = moveItems.get(key);
  if (known) return known;
  const item = {
    field: 'status',
    fieldtype: 'jira',
    fieldId: 'status',
    from: from.id,
    fromString: from.name,
    to: to.id,
    toString: to.name,
  };
  moveItems.set(key, item);
  return item;
};

/** 3–8 status moves: first into In Progress, then between the open statuses, often last into Done. */
function statusMoves(rng: Random): Status[] {
  const moves: Status[] = [doing];
  const count = rng.between(3, 8);
  while (moves.length < count) {
    const current = moves[moves.length - 1];
    moves.push(
      moves.length === count - 1 && rng.next() < 0.75
        ? done
        : rng.pick(working.filter((status) => status !== current)),
    );
  }
  return moves;
}

export function syntheticIssue(rng: Random, number: number): ReplayIssue {
  const createdAt = start + rng.between(0, 360 * 24) * hour;
  const histories: Json[] = [];
  let from: Status = todo;
  let at = createdAt;
  for (const to of statusMoves(rng)) {
    at += rng.between(1, 72) * hour;
    const id = String(number * 10 + histories.length);
    histories.push({
      id,
      author: jiraUser(rng.pick(people)),
      created: jiraTime(at),
      items: [moveItem(from, to)],
    });
    from = to;
  }
  const fields = {
    summary: `Work item ${number}`,
    issuetype: { name: rng.next() < 0.7 ? 'Story' : 'Bug' },
    status: { id: from.id, name: from.name, statusCategory: { key: from.category } },
    assignee: jiraUser(rng.pick(people)),
    reporter: jiraUser(rng.pick(people)),
    labels: [],
    created: jiraTime(createdAt),
    updated: jiraTime(at),
    resolutiondate: from === done ? jiraTime(at) : null,
  };
  const id = String(10_000 + number);
  const self = `https://jira.example.com/rest/api/3/issue/${id}`;
  return { id, key: `SHIP-${number}`, self, fields, changelog: { histories } };
}
