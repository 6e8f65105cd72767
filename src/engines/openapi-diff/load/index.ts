/** Contract loading: OpenAPI (JSON, YAML, Swagger 2.0 converted, multi-file bundles, archives) and GraphQL SDL. */

export { archiveFormat } from './archive.ts';
export {
  ContractLoadError,
  type ContractLoadErrorCode,
  type ContractLoadErrorLocation,
  contractLoadErrorCodes,
} from './errors.ts';
export { loadContract } from './load-contract.ts';
export {
  type ContractInput,
  defaultMaxBytes,
  type LoadedContract,
  type LoadedGraphQL,
  type LoadedOpenApi,
  type LoadOptions,
} from './types.ts';
