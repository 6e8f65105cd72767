import { diffOpenApi } from './diff.ts';
import { diffGraphQL } from './graphql/index.ts';
import { ContractLoadError } from './load/index.ts';
import type { LoadedContract } from './load/types.ts';
import type { DiffOptions, DiffResult } from './types.ts';

/**
 * Compares two loaded versions of one contract, whichever kind it is. An OpenAPI document and a
 * GraphQL schema are not two versions of one contract: that is refused, not diffed.
 */
export function diffContracts(
  base: LoadedContract,
  revision: LoadedContract,
  options: DiffOptions = {},
): DiffResult {
  if (base.kind === 'openapi' && revision.kind === 'openapi') {
    return diffOpenApi(base.document, revision.document, options);
  }
  if (base.kind === 'graphql' && revision.kind === 'graphql')
    return diffGraphQL(base.sdl, revision.sdl, options);
  throw new ContractLoadError(
    'not-a-contract',
    `cannot compare a ${base.kind === 'openapi' ? 'OpenAPI document' : 'GraphQL schema'} with a ${revision.kind === 'openapi' ? 'OpenAPI document' : 'GraphQL schema'}`,
  );
}
