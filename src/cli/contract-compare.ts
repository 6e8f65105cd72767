import { type DiffOptions, type DiffResult, diffContracts } from '../engines/openapi-diff/index.ts';
import { ContractLoadError, type LoadedContract, loadContract } from '../engines/openapi-diff/load/index.ts';
import type { ContractSource } from './contract-sources.ts';

/** A contract that does not load, with the loader's reason and where (exit 2). */
export class ContractLoadFailure extends Error {}

/**
 * The loader's reason as `api/openapi.yaml:12:3: what is wrong`, the file named as the user knows it
 * (the loader names it within the bundle it was given, and says where in words).
 */
function reasonOf(source: ContractSource, error: ContractLoadError): string {
  const file = error.file === undefined ? source.label : source.display(error.file);
  const line =
    error.line === undefined ? '' : `:${error.line}${error.column === undefined ? '' : `:${error.column}`}`;
  const said = error.file === undefined ? '' : error.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const message = error.message.replace(new RegExp(`^${said}( line \\d+, column \\d+)?: `), '');
  return `${file}${line}: ${message}`;
}

async function load(role: 'base' | 'revision', source: ContractSource): Promise<LoadedContract> {
  try {
    return await loadContract(source.input);
  } catch (error) {
    if (!(error instanceof ContractLoadError)) throw error;
    throw new ContractLoadFailure(`the ${role} does not load: ${reasonOf(source, error)}`);
  }
}

/** Both versions loaded; both must be the same kind of contract. */
export async function loadContracts(
  base: ContractSource,
  revision: ContractSource,
): Promise<[LoadedContract, LoadedContract]> {
  const loaded = await Promise.all([load('base', base), load('revision', revision)]);
  const [before, after] = loaded;
  if (before.kind !== after.kind)
    throw new ContractLoadFailure(
      `${base.label} is ${before.kind === 'graphql' ? 'a GraphQL schema' : 'an OpenAPI document'} and ${revision.label} is not: compare two versions of one contract`,
    );
  return loaded;
}

/** The diff of two loaded contracts of one kind with the run's options. */
export function compareContracts(
  [base, revision]: [LoadedContract, LoadedContract],
  settings: Pick<DiffOptions, 'today' | 'minDeprecationDays'> & { disabledRules: string[] },
): DiffResult {
  return diffContracts(base, revision, {
    disabledRules: settings.disabledRules,
    ...(settings.today === undefined ? {} : { today: settings.today }),
    ...(settings.minDeprecationDays === undefined ? {} : { minDeprecationDays: settings.minDeprecationDays }),
  });
}
