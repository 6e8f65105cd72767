import {
  type ArchiveKind,
  type ArchiveLimits,
  archiveEntries,
  classifyAllureFile,
  type ResultContainer,
  ResultFileError,
  readAllureContainer,
  readAllureResult,
  readCategories,
  readEnvironmentProperties,
  readExecutor,
  readJUnit,
} from '../../engines/test-results/index.ts';
import type { Category, Executor, Fixture, TestResult } from '../../engines/test-results/model.ts';
import type { AttachmentStore } from './attachments.ts';
import type { ImportProgress } from './import-progress.ts';

// An upload is read in two passes over its stored chunks. The first takes everything results
// refer to (attachments, containers' fixtures, categories, environment, executor) and counts the
// files; the second reads the results themselves, each resolved against the first and handed on
// to be written. Only one file's bytes, and one batch of rows, are in memory at a time.

export type StoredKind = ArchiveKind | 'xml';

/** What an upload is, from its first bytes: a zip, a gzip (a .tar.gz), a tar, else an XML report. */
export function kindOf(first: Uint8Array): StoredKind {
  if (first[0] === 0x50 && first[1] === 0x4b) return 'zip';
  if (first[0] === 0x1f && first[1] === 0x8b) return 'tar.gz';
  const magic = new TextDecoder().decode(first.subarray(257, 262));
  return magic === 'ustar' ? 'tar' : 'xml';
}

export interface Entry {
  path: string;
  bytes: Uint8Array;
}

/** The entries of the stored upload: an archive's files, or the XML report as one file. */
export async function* entriesOf(
  chunks: () => AsyncGenerator<Uint8Array>,
  kind: StoredKind,
  limits: ArchiveLimits,
): AsyncGenerator<Entry> {
  if (kind !== 'xml') {
    yield* archiveEntries(chunks(), kind, limits);
    return;
  }
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks()) parts.push(chunk);
  yield { path: 'report.xml', bytes: Buffer.concat(parts) };
}

/** Everything results are resolved against. */
export interface FolderInfo {
  categories: Category[] | null;
  environment: Record<string, string>;
  executor: Executor | null;
  /** The fixtures of containers, by the uuid of each child (result or nested container). */
  containersOf: Map<string, ResultContainer[]>;
  files: number;
}

/** Called with a file that cannot be read (the importer decides whether it fails the run). */
export type ProblemSink = (file: string, message: string) => void;

function isReport(path: string): boolean {
  return /\.xml$/i.test(path);
}

/** First pass: attachments stored, containers, categories, environment and executor read, files counted. */
export async function readSupportingFiles(
  entries: AsyncIterable<Entry>,
  attachments: AttachmentStore,
  progress: ImportProgress,
  onProblem: ProblemSink,
): Promise<FolderInfo> {
  const info: FolderInfo = {
    categories: null,
    environment: {},
    executor: null,
    containersOf: new Map(),
    files: 0,
  };
  for await (const { path, bytes } of entries) {
    info.files += 1;
    const kind = classifyAllureFile(path);
    if (kind === 'result' || isReport(path)) {
      await progress.pause();
      continue;
    }
    try {
      if (kind === 'attachment') await attachments.add(path, bytes);
      else if (kind === 'container') addContainer(info, readAllureContainer(path, bytes));
      else if (kind === 'categories') info.categories = readCategories(path, bytes);
      else if (kind === 'environment') info.environment = readEnvironmentProperties(path, bytes);
      else if (kind === 'executor') info.executor = readExecutor(path, bytes);
    } catch (error) {
      if (!(error instanceof ResultFileError)) throw error;
      onProblem(error.file, error.message);
    }
    await progress.fileRead();
  }
  await attachments.flush();
  return info;
}

function addContainer(info: FolderInfo, container: ResultContainer): void {
  if (container.fixtures.length === 0) return;
  for (const child of container.children) {
    const list = info.containersOf.get(child);
    if (list) list.push(container);
    else info.containersOf.set(child, [container]);
  }
}

/** The fixtures that ran around a result: its containers', and theirs if they are nested. */
export function fixturesOf(info: FolderInfo, resultUuid: string): Fixture[] {
  const fixtures: Fixture[] = [];
  const seen = new Set<string>();
  const visit = (uuid: string) => {
    for (const container of info.containersOf.get(uuid) ?? []) {
      if (seen.has(container.uuid)) continue;
      seen.add(container.uuid);
      visit(container.uuid);
      fixtures.push(...container.fixtures);
    }
  };
  visit(resultUuid);
  return fixtures;
}

/** Second pass: every result (Allure result files, JUnit reports), handed to `take` one by one. */
export async function readResults(
  entries: AsyncIterable<Entry>,
  progress: ImportProgress,
  onProblem: ProblemSink,
  take: (result: TestResult, format: 'allure' | 'junit') => Promise<void>,
): Promise<void> {
  for await (const { path, bytes } of entries) {
    const kind = classifyAllureFile(path);
    const report = kind !== 'result' && isReport(path);
    if (kind !== 'result' && !report) {
      await progress.pause();
      continue;
    }
    let results: TestResult[] = [];
    try {
      results = report ? readJUnit(path, bytes) : [readAllureResult(path, bytes)];
    } catch (error) {
      if (!(error instanceof ResultFileError)) throw error;
      onProblem(error.file, error.message);
    }
    for (const result of results) await take(result, report ? 'junit' : 'allure');
    await progress.fileRead();
  }
}
