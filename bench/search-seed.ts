// Seeds a workspace with many searchable entities for bench/search.bench.ts: projects and
// decisions with generated text, inserted in bulk SQL, then indexed by the same INSERT … SELECT
// that keeps the index current on every write (core/search/indexer.ts), in one statement per type.

import { uuidv7 } from 'uuidv7';
import { createRegistry } from '../src/core/app/registry.ts';
import { reindexWorkspace } from '../src/core/search/indexer.ts';
import type { DatabaseHandle } from '../src/db/connection.ts';
import { shipshapeModules } from '../src/modules/index.ts';

const domainWords = `payment payments card refund invoice ledger retry policy backoff timeout circuit breaker
  queue worker job schedule cron cache invalidation eviction latency throughput deploy rollback release
  canary feature flag migration schema index replica failover backup restore audit trail compliance
  tenant workspace project decision review approval contract breaking change version api gateway
  webhook event stream outbox idempotency checkout catalogue search ranking analytics dashboard metric
  alert incident postmortem oncall runbook secret rotation token session login password encryption
  storage upload download file image thumbnail notification email sms push template locale currency
  tax shipping order cart inventory warehouse supplier vendor pricing discount coupon subscription
  billing plan trial churn retention cohort experiment rollout quota limit throttle budget capacity`
  .split(/\s+/)
  .filter(Boolean);
const tagWords = `payments core resilience caching security compliance data platform mobile web api infra
  billing growth search ops reliability performance privacy finance checkout identity`.split(/\s+/);

/** A small deterministic generator, so every run seeds the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** Pronounceable made-up words: the long tail of a real vocabulary (names, jargon). */
function syntheticWords(count: number, next: () => number): string[] {
  const consonants = 'bcdfghklmnprstvz';
  const vowels = 'aeiou';
  const words = new Set<string>();
  while (words.size < count) {
    let word = '';
    const syllables = 2 + Math.floor(next() * 2);
    for (let index = 0; index < syllables; index += 1)
      word += `${consonants.charAt(Math.floor(next() * consonants.length))}${vowels.charAt(Math.floor(next() * vowels.length))}`;
    words.add(word);
  }
  return [...words];
}

export interface Seeded {
  workspaceId: string;
  userId: string;
  /** A word that occurs in a handful of documents only. */
  rareWord: string;
}

/** Creates a workspace with `count` entities (half projects, half decisions) and indexes them. */
export async function seedSearch(handle: DatabaseHandle, count: number): Promise<Seeded> {
  const next = random(42);
  // A Zipf-like skew over a shuffled vocabulary: the most frequent word is in about a fifth of the
  // documents, most words in a few hundred, the synthetic tail in a handful.
  const vocabulary = shuffled(domainWords, next).concat(syntheticWords(3000, next));
  const word = () => vocabulary[Math.floor(vocabulary.length * next() ** 1.6)] as string;
  const words = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, word).join(' ');
  const tags = () =>
    [
      ...new Set(
        Array.from(
          { length: 1 + Math.floor(next() * 3) },
          () => tagWords[Math.floor(next() * tagWords.length)],
        ),
      ),
    ].join(',');
  const title = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

  const [workspace] = await handle.query<{ id: string }>(
    'insert into workspaces (id, name) values ($1, $2) returning id',
    [uuidv7(), `Search bench ${count}`],
  );
  const [user] = await handle.query<{ id: string }>(
    'insert into users (id, email, display_name) values ($1, $2, $3) returning id',
    [uuidv7(), `bench-${uuidv7()}@example.test`, 'Bench'],
  );
  if (!workspace || !user) throw new Error('seeding the workspace failed');
  await handle.query("insert into memberships (workspace_id, user_id, role) values ($1, $2, 'owner')", [
    workspace.id,
    user.id,
  ]);

  const batch = 5000;
  const projectCount = Math.floor(count / 2);
  const projectIds: string[] = [];
  for (let start = 0; start < projectCount; start += batch) {
    const rows = Array.from({ length: Math.min(batch, projectCount - start) }, (_, offset) => {
      const id = uuidv7();
      projectIds.push(id);
      return [
        id,
        title(words(2, 4)),
        `K${start + offset}`,
        words(20, 60),
        next() < 0.8 ? 'active' : 'archived',
        tags(),
      ];
    });
    await handle.query(
      `insert into projects (id, workspace_id, name, key, description, status, tags)
       select id, $1, name, key, description, status::project_status, string_to_array(tags, ',')
       from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         as t(id, name, key, description, status, tags)`,
      [workspace.id, ...columns(rows)],
    );
  }
  const statuses = ['draft', 'proposed', 'accepted', 'rejected'];
  const decisionCount = count - projectCount;
  for (let start = 0; start < decisionCount; start += batch) {
    const rows = Array.from({ length: Math.min(batch, decisionCount - start) }, (_, offset) => [
      uuidv7(),
      String(start + offset + 1),
      title(words(3, 7)),
      words(40, 90),
      statuses[Math.floor(next() * statuses.length)],
      tags(),
      next() < 0.7 ? (projectIds[Math.floor(next() * Math.min(projectIds.length, 200))] ?? null) : null,
    ]);
    await handle.query(
      `insert into decision_logs (id, workspace_id, number, title, decision_type, context, status, tags, project_id)
       select id, $1, number::int, title, 'technology', context, status::decision_status,
         string_to_array(tags, ','), project_id
       from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[])
         as t(id, number, title, context, status, tags, project_id)`,
      [workspace.id, ...columns(rows)],
    );
  }
  const { resources } = createRegistry(shipshapeModules);
  await handle.db.transaction((tx) => reindexWorkspace(tx, workspace.id, resources.all()));
  return {
    workspaceId: workspace.id,
    userId: user.id,
    rareWord: vocabulary[vocabulary.length - 1] as string,
  };
}

/** Rows to one array per column, for unnest. */
function columns(rows: (string | null | undefined)[][]): (string | null)[][] {
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, index) => rows.map((row) => row[index] ?? null));
}
