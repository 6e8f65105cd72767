import { AppError } from '../../core/errors/app-error.ts';
import {
  type ContractInput,
  ContractLoadError,
  consumerFromPact,
  consumerImpact,
  type DiffOptions,
  type DiffResult,
  diffGraphQL,
  diffOpenApi,
  type Finding,
  graphqlRules,
  type LoadedContract,
  loadContract,
  migrationGuide,
  type OpenApiDocument,
  PactFormatError,
  parsePact,
  rules,
} from '../../engines/openapi-diff/index.ts';
import type { ConsumerUses, ImpactedFinding, StoredDiff } from './contracts.ts';

// The contract diff engine (src/engines/openapi-diff) as this module uses it: loading an upload,
// diffing two stored versions, the consumers each change affects, the migration guide. Pure work,
// done outside any transaction.

export type { ContractInput, LoadedContract };
export type Kind = LoadedContract['kind'];

/** The loader's refusal as a problem: 413 for a contract over the limit, 422 for one that does not load. */
function loadProblem(error: ContractLoadError): AppError {
  const where = { file: error.file, line: error.line, column: error.column, pointer: error.pointer };
  const known = Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined));
  return new AppError(error.code === 'too-large' ? 'payload_too_large' : 'unprocessable', error.message, {
    code: `contracts.${error.code}`,
    extensions: known,
  });
}

/** Loads an uploaded contract (bundling its files), or answers 413/422 with the loader's message. */
export async function loadUpload(input: ContractInput, maxBytes: number): Promise<LoadedContract> {
  try {
    return await loadContract(input, { maxBytes });
  } catch (error) {
    if (error instanceof ContractLoadError) throw loadProblem(error);
    throw error;
  }
}

/** What a version keeps of a loaded contract: the bundled document as JSON, or the SDL. */
export function documentText(loaded: LoadedContract): string {
  return loaded.kind === 'openapi' ? JSON.stringify(loaded.document) : loaded.sdl;
}

/** A stored document as the engine reads it: the OpenAPI document parsed, the SDL as it is. */
export function parsedDocument(kind: Kind, text: string): OpenApiDocument | string {
  return kind === 'openapi' ? JSON.parse(text) : text;
}

/** Two documents of one kind compared, with the project's options. */
export function diffDocuments(
  kind: Kind,
  base: OpenApiDocument | string,
  revision: OpenApiDocument | string,
  options: DiffOptions,
): DiffResult {
  if (kind === 'graphql') {
    try {
      const { disabledRules, levelOverrides } = options;
      return diffGraphQL(String(base), String(revision), { disabledRules, levelOverrides });
    } catch (error) {
      if (error instanceof ContractLoadError) throw loadProblem(error);
      throw error;
    }
  }
  if (typeof base === 'string' || typeof revision === 'string')
    throw new Error('an OpenAPI diff needs documents');
  return diffOpenApi(base, revision, options);
}

/** A registered consumer, as the impact of a diff reads it. */
export interface Consumer {
  id: string;
  name: string;
  uses: ConsumerUses;
}

/**
 * The diff with, for each ERR and WARN change, the registered consumers that use what changed, and
 * `unused` on those nobody uses — only once consumers are registered: with none, nobody is known
 * to use anything, which is not the same as nobody using it.
 */
export function withImpact(
  base: OpenApiDocument | string,
  result: DiffResult,
  consumers: Consumer[],
): StoredDiff {
  const document = typeof base === 'string' ? {} : base;
  const registered = consumers.map((consumer) => ({
    id: consumer.id,
    name: consumer.name,
    operations: consumer.uses.operations,
    fields: consumer.uses.fields,
  }));
  const impact = consumerImpact(document, result, registered);
  const byIndex = new Map(impact.perFinding.map((entry) => [entry.findingIndex, entry.consumerIds]));
  const unused = new Set(impact.unused);
  const findings = result.findings.map((finding: Finding, index): ImpactedFinding => {
    const ids = finding.level === 'INFO' ? [] : (byIndex.get(index) ?? []);
    return {
      ...finding,
      consumers: consumers
        .filter((consumer) => ids.includes(consumer.id))
        .map(({ id, name }) => ({ id, name })),
      unused: consumers.length > 0 && finding.level !== 'INFO' && unused.has(index),
    };
  });
  return { ...result, findings, consumers: consumers.length };
}

/** The Markdown guide for moving from one version to the next. */
export function guideFor(
  result: DiffResult,
  names: { apiName: string; fromVersion: string; toVersion: string },
  documents: { base: OpenApiDocument | string; revision: OpenApiDocument | string },
): string {
  const [base, revision] = [documents.base, documents.revision].map((document) =>
    typeof document === 'string' ? undefined : document,
  );
  return migrationGuide(result, { ...names, base, revision, rules: ruleCatalogue() });
}

/** What a Pact file says a consumer uses, as a registration states it; 422 naming what is wrong otherwise. */
export function usesFromPact(pact: unknown): ConsumerUses {
  try {
    const { operations, fields } = consumerFromPact('pact', parsePact(pact));
    return { operations, fields };
  } catch (error) {
    if (!(error instanceof PactFormatError)) throw error;
    throw new AppError('unprocessable', error.message, {
      code: 'contracts.invalid_pact',
      errors: error.issues.slice(0, 20).map((issue) => ({ path: issue.path, message: issue.message })),
    });
  }
}

/** Every rule of both catalogues (OpenAPI and GraphQL): id, level, section, title and why. */
export function ruleCatalogue() {
  return [...rules, ...graphqlRules].map(({ id, level, section, title, why }) => ({
    id,
    level,
    section,
    title,
    why,
  }));
}
