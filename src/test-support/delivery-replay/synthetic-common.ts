// Shared pieces of the synthetic delivery dataset: a seeded random source, cached timestamps and a
// small team known to both GitLab and Jira by the same handles.

export const hour = 3_600_000;
export const start = Date.UTC(2024, 0, 1);
export const people = [
  'ada',
  'grace',
  'linus',
  'margaret',
  'ken',
  'barbara',
  'dennis',
  'frances',
  'alan',
  'radia',
];

/** Mulberry32: small, fast and good enough for test data. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[between(0, items.length - 1)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  };
  return { next, between, pick };
}
export type Random = ReturnType<typeof random>;

// Every time is a whole half-hour within about a year, so a few thousand strings serve the whole dataset.
const isoCache = new Map<number, string>();
export const iso = (ms: number) => {
  let text = isoCache.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    isoCache.set(ms, text);
  }
  return text;
};
const jiraCache = new Map<number, string>();
export const jiraTime = (ms: number) => {
  let text = jiraCache.get(ms);
  if (text === undefined) {
    text = iso(ms).replace('Z', '+0000');
    jiraCache.set(ms, text);
  }
  return text;
};
// People and status changes are shared objects: the server serializes them per response, and
// sharing keeps a 50,000-issue dataset small and quick to build.
const team = new Map(
  people.map((handle, index) => [
    handle,
    {
      gitlab: { id: index + 1, username: handle, name: handle, state: 'active' },
      jira: { accountId: `acc-${handle}`, displayName: handle, emailAddress: `${handle}@example.com` },
    },
  ]),
);
export const gitlabUser = (handle: string) => team.get(handle)?.gitlab;
export const jiraUser = (handle: string) => team.get(handle)?.jira;
