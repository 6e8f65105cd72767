import { ContractLoadError } from './errors.ts';
import { baseName, bundlePath, depthOf } from './paths.ts';

/** The names an entry file goes by, by convention. */
const conventionalEntry = /^(openapi|swagger)\.(ya?ml|json)$|^schema\.(graphql|gql)$/i;
const specExtension = /\.(ya?ml|json|graphql|gql)$/i;
/** A YAML or JSON file that declares itself a contract at its root. */
const declaresContract = /^\s*["']?(openapi|swagger)["']?\s*:/m;

/**
 * The file of a bundle a contract starts from: the one named; else the single openapi.*, swagger.* or
 * schema.graphql nearest the root; else the only file that looks like a contract.
 */
export function chooseEntry(
  files: ReadonlyMap<string, string>,
  requested: string | undefined,
  source: string,
): string {
  const paths = [...files.keys()].sort();
  if (requested !== undefined) {
    const path = bundlePath(requested, source);
    if (files.has(path)) return path;
    throw notFound(`${source} has no file ${requested}`, paths);
  }
  if (paths.length === 0) throw notFound(`${source} holds no files`, paths);
  const conventional = paths.filter((path) => conventionalEntry.test(baseName(path)));
  if (conventional.length > 0) {
    const shallowest = Math.min(...conventional.map(depthOf));
    const nearest = conventional.filter((path) => depthOf(path) === shallowest);
    const nearestOne = theOnly(nearest);
    if (nearestOne !== undefined) return nearestOne;
    throw notFound(`${source} has several entry files at the same depth; name one`, nearest);
  }
  const contracts = paths.filter((path) => looksLikeContract(path, files.get(path) ?? ''));
  const contract = theOnly(contracts);
  if (contract !== undefined) return contract;
  const candidates = contracts.length > 0 ? contracts : paths.filter((path) => specExtension.test(path));
  const reason =
    contracts.length > 1 ? 'has several contracts; name the entry' : 'has no file that looks like a contract';
  throw notFound(`${source} ${reason}`, candidates);
}

function theOnly(items: readonly string[]): string | undefined {
  return items.length === 1 ? items[0] : undefined;
}

function looksLikeContract(path: string, text: string): boolean {
  if (/\.(graphql|gql)$/i.test(path)) return true;
  return /\.(ya?ml|json)$/i.test(path) && declaresContract.test(text);
}

function notFound(reason: string, candidates: readonly string[]): ContractLoadError {
  const shown = candidates.slice(0, 20).join(', ');
  const more = candidates.length > 20 ? ` and ${candidates.length - 20} more` : '';
  const listed = candidates.length > 0 ? ` (candidates: ${shown}${more})` : '';
  return new ContractLoadError('entry-not-found', `${reason}${listed}`);
}
