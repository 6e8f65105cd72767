// A whole Allure results folder read into one `ReadResults`: results with the fixtures of the
// containers that list them, categories, environment and executor. A bad file becomes a problem
// naming it, and the rest is still read, so the caller can refuse the run listing every bad file or
// import the rest (skipInvalid).

import {
  classifyAllureFile,
  type ResultContainer,
  ResultFileError,
  readAllureContainer,
  readAllureResult,
  readCategories,
  readEnvironmentProperties,
  readExecutor,
} from './allure.ts';
import { type JUnitOptions, readJUnit } from './junit.ts';
import type { Category, Executor, FileProblem, Fixture, ReadResults, TestResult } from './model.ts';

export interface FolderEntry {
  path: string;
  bytes: Uint8Array;
}

function problemOf(file: string, error: unknown): FileProblem {
  if (error instanceof ResultFileError) return { file: error.file, message: error.message };
  return { file, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Reads a results folder one file at a time (as an archive streams in) and answers the whole once
 * every file has been added. Attachments and other files are only classified, never kept: the
 * caller stores attachment bytes itself.
 */
export class ResultsFolderReader {
  private readonly results: TestResult[] = [];
  private readonly containers: ResultContainer[] = [];
  private readonly problems: FileProblem[] = [];
  private categories: Category[] = [];
  private environment: Record<string, string> = {};
  private executor: Executor | undefined;

  /** Reads one file; answers what kind of file it was. */
  add(path: string, bytes: Uint8Array): ReturnType<typeof classifyAllureFile> {
    const kind = classifyAllureFile(path);
    try {
      if (kind === 'result') this.results.push(readAllureResult(path, bytes));
      else if (kind === 'container') this.containers.push(readAllureContainer(path, bytes));
      else if (kind === 'categories') this.categories = readCategories(path, bytes);
      else if (kind === 'environment') this.environment = readEnvironmentProperties(path, bytes);
      else if (kind === 'executor') this.executor = readExecutor(path, bytes);
    } catch (error) {
      this.problems.push(problemOf(path, error));
    }
    return kind;
  }

  /** Everything read so far, with each container's fixtures given to the results below it. */
  finish(): ReadResults {
    const fixtures = fixturesByResult(this.containers);
    return {
      results: this.results.map((result) => ({ ...result, fixtures: fixtures.get(result.uuid) ?? [] })),
      categories: this.categories,
      environment: this.environment,
      ...(this.executor && { executor: this.executor }),
      problems: [...this.problems],
    };
  }
}

/**
 * The fixtures that ran around each result. Containers may nest (a suite's container lists a
 * class's), so a result gets the fixtures of every container above it: befores from the outermost
 * in, afters from the innermost out, as they ran.
 */
function fixturesByResult(containers: readonly ResultContainer[]): Map<string, Fixture[]> {
  const parents = new Map<string, ResultContainer[]>();
  for (const container of containers) {
    for (const child of container.children) parents.set(child, [...(parents.get(child) ?? []), container]);
  }
  const chainOf = (uuid: string, seen: Set<string>): ResultContainer[] =>
    (parents.get(uuid) ?? []).flatMap((parent) => {
      if (seen.has(parent.uuid)) return [];
      seen.add(parent.uuid);
      return [...chainOf(parent.uuid, seen), parent];
    });
  const byResult = new Map<string, Fixture[]>();
  for (const uuid of parents.keys()) {
    const chain = chainOf(uuid, new Set());
    const befores = chain.flatMap((container) =>
      container.fixtures.filter((fixture) => fixture.kind === 'before'),
    );
    const afters = [...chain]
      .reverse()
      .flatMap((container) => container.fixtures.filter((fixture) => fixture.kind === 'after'));
    byResult.set(uuid, [...befores, ...afters]);
  }
  return byResult;
}

/** A whole results folder, from its files in any order. */
export function readResultsFolder(entries: Iterable<FolderEntry>): ReadResults {
  const reader = new ResultsFolderReader();
  for (const entry of entries) reader.add(entry.path, entry.bytes);
  return reader.finish();
}

/** A JUnit XML report as `ReadResults`: its results, or one problem when it cannot be read. */
export function readJUnitReport(file: string, bytes: Uint8Array, options: JUnitOptions = {}): ReadResults {
  try {
    return { results: readJUnit(file, bytes, options), categories: [], environment: {}, problems: [] };
  } catch (error) {
    return { results: [], categories: [], environment: {}, problems: [problemOf(file, error)] };
  }
}
