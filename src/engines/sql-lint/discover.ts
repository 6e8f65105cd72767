import { dbmateTransactionSetting } from './parser.ts';

/** The tools whose migration folders Shipshape recognises. */
export type Framework =
  | 'sql'
  | 'drizzle'
  | 'prisma'
  | 'flyway'
  | 'golang-migrate'
  | 'dbmate'
  | 'rails'
  | 'django';

/** One migration found in a folder, in the order its tool applies it. */
export interface DiscoveredMigration {
  /** The path as given (forward slashes). */
  path: string;
  framework: Framework;
  /** False for migrations written in another language, whose SQL Shipshape never sees. */
  analysed: boolean;
  /** Why a migration is not analysed. */
  reason?: string;
  /** Set when the tool runs the whole file inside one transaction. */
  runsInTransaction?: boolean;
}

/** Reads a file's text by the path given to `discoverMigrations`; may throw when it cannot. */
export type ReadFile = (path: string) => string;

interface Candidate extends DiscoveredMigration {
  /** Migrations of one tool in one folder are ordered together; groups are ordered by this key. */
  group: string;
  /** The position inside the group (compared naturally, or as version numbers for Flyway). */
  sortKey: string;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** Compares names as people count: `2_b.sql` before `10_a.sql`. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Finds the migrations among the files of a folder and puts them in the order their tool applies
 * them. Pure: the caller lists the files (relative paths, any separator) and reads them on demand
 * (SQL files are read to recognise dbmate's header, a Drizzle journal to know its order).
 */
export function discoverMigrations(paths: readonly string[], read: ReadFile): DiscoveredMigration[] {
  const normalised = paths.map((path) => path.replaceAll('\\', '/'));
  const known = new Set(normalised);
  const candidates = normalised.flatMap((path) => {
    const found = classify(path, known, read);
    return found ? [found] : [];
  });
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = `${candidate.group}\u0000${candidate.framework}`;
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  return [...groups.keys()]
    .sort(naturalCompare)
    .flatMap((key) => orderGroup(groups.get(key) ?? [], read))
    .map(({ group: _group, sortKey: _sortKey, ...migration }) => migration);
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

const flywayVersioned = /^V(\d+(?:[._]\d+)*)__.+\.sql$/i;
const flywayRepeatable = /^R__(.+)\.sql$/i;
const flywayUndo = /^U\d+(?:[._]\d+)*__.+\.sql$/i;
const railsMigration = /^\d+_\w+\.rb$/;
const djangoMigration = /^\d{4}_\w+\.py$/;

/** What one file is: a migration of some tool, or nothing to lint (undefined). */
function classify(path: string, known: Set<string>, read: ReadFile): Candidate | undefined {
  const name = baseName(path);
  const folder = folderOf(path);
  const parent = baseName(folder);
  const base = { path, group: folder, sortKey: name, analysed: true };
  if (name.endsWith('.rb'))
    return parent === 'migrate' && railsMigration.test(name)
      ? { ...base, framework: 'rails', analysed: false, reason: notAnalysed('Ruby') }
      : undefined;
  if (name.endsWith('.py'))
    return (parent === 'migrations' || folder === '') && djangoMigration.test(name)
      ? { ...base, framework: 'django', analysed: false, reason: notAnalysed('Python (Django)') }
      : undefined;
  if (!name.toLowerCase().endsWith('.sql')) return undefined;
  // Rails' structure.sql is a dump of the whole schema, not a change to apply.
  if (name === 'structure.sql') return undefined;
  // Down and undo scripts run only when rolling back; the forward path is what production meets.
  if (name.endsWith('.down.sql') || flywayUndo.test(name)) return undefined;
  // dbmate keeps up and down in one file under `-- migrate:up` / `-- migrate:down` headers.
  const dbmateInTransaction = dbmateTransactionSetting(safeRead(read, path) ?? '');
  if (dbmateInTransaction !== undefined)
    return { ...base, framework: 'dbmate', runsInTransaction: dbmateInTransaction };
  const flyway = flywayVersioned.exec(name) ?? flywayRepeatable.exec(name);
  if (flyway) {
    const kind = name[0]?.toUpperCase() === 'V' ? 'V' : 'R';
    const runsInTransaction = flywayTransaction(path, known, read);
    return { ...base, framework: 'flyway', runsInTransaction, sortKey: `${kind}${flyway[1]}` };
  }
  if (name === 'migration.sql' && baseName(folderOf(folder)) === 'migrations')
    return { ...base, framework: 'prisma', group: folderOf(folder), sortKey: parent };
  if (parent === 'drizzle' || known.has(`${folder === '' ? '' : `${folder}/`}meta/_journal.json`))
    return { ...base, framework: 'drizzle', runsInTransaction: true };
  if (name.endsWith('.up.sql')) return { ...base, framework: 'golang-migrate' };
  return { ...base, framework: 'sql' };
}

/** Statements PostgreSQL refuses inside a transaction: Flyway sees them and runs their file without one. */
const flywayNonTransactional = /\b(CONCURRENTLY|VACUUM)\b/i;

/**
 * Flyway runs each migration in its own transaction on PostgreSQL, except a file whose script
 * configuration (`V2__x.sql.conf`) says `executeInTransaction=false`, or one holding a statement that
 * cannot run in a transaction (Flyway detects those and runs the file outside one).
 */
function flywayTransaction(path: string, known: Set<string>, read: ReadFile): boolean {
  const config = known.has(`${path}.conf`) ? (safeRead(read, `${path}.conf`) ?? '') : '';
  if (/^\s*executeInTransaction\s*=\s*false\s*$/m.test(config)) return false;
  return !flywayNonTransactional.test(withoutComments(safeRead(read, path) ?? ''));
}

/** SQL without its comments, so that a word in a comment does not count. */
function withoutComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

function notAnalysed(language: string): string {
  return `${language} migration: not analysed; lint the SQL it generates`;
}

function safeRead(read: ReadFile, path: string): string | undefined {
  try {
    return read(path);
  } catch {
    return undefined;
  }
}

/** Puts the migrations of one tool in one folder in the order that tool applies them. */
function orderGroup(group: Candidate[], read: ReadFile): Candidate[] {
  const first = group[0];
  if (!first) return [];
  if (first.framework === 'flyway') return [...group].sort(compareFlyway);
  const byName = [...group].sort((a, b) => naturalCompare(a.sortKey, b.sortKey));
  if (first.framework !== 'drizzle') return byName;
  const journal = journalOrder(read, `${first.group === '' ? '' : `${first.group}/`}meta/_journal.json`);
  if (!journal) return byName;
  // Files the journal lists come in its order; any it does not know follow by name.
  const position = (candidate: Candidate) => {
    const index = journal.indexOf(candidate.sortKey.replace(/\.sql$/i, ''));
    return index === -1 ? journal.length : index;
  };
  return byName.sort((a, b) => position(a) - position(b));
}

/** Flyway applies versioned migrations by version (1.2 before 1.10), then repeatables by description. */
function compareFlyway(a: Candidate, b: Candidate): number {
  const [kindA, kindB] = [a.sortKey[0], b.sortKey[0]];
  if (kindA !== kindB) return kindA === 'V' ? -1 : 1;
  if (kindA === 'R') return naturalCompare(a.sortKey, b.sortKey);
  const partsA = a.sortKey.slice(1).split(/[._]/).map(Number);
  const partsB = b.sortKey.slice(1).split(/[._]/).map(Number);
  for (let index = 0; index < Math.max(partsA.length, partsB.length); index++) {
    const difference = (partsA[index] ?? 0) - (partsB[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return naturalCompare(a.path, b.path);
}

/** The migration tags of a Drizzle journal, in the order Drizzle applies them; undefined when unreadable. */
function journalOrder(read: ReadFile, path: string): string[] | undefined {
  const text = safeRead(read, path);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.entries)) return undefined;
  const entries = parsed.entries.filter(
    (entry): entry is { tag: string; idx?: unknown } => isRecord(entry) && typeof entry.tag === 'string',
  );
  const indexOf = (entry: { idx?: unknown }, fallback: number) =>
    typeof entry.idx === 'number' ? entry.idx : fallback;
  return entries
    .map((entry, order) => ({ tag: entry.tag, idx: indexOf(entry, order) }))
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => entry.tag);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
