/** Why a contract could not be loaded. Each code names one thing the user can fix. */
export const contractLoadErrorCodes = [
  /** The text, the archive or what it unpacks to is over the size limit. */
  'too-large',
  /** The input parses but is neither an OpenAPI (or Swagger 2.0) document nor a GraphQL schema. */
  'not-a-contract',
  /** JSON, YAML or GraphQL syntax is wrong, or the GraphQL schema is invalid. */
  'parse-error',
  /** An OpenAPI or Swagger version this engine does not read (only 2.0, 3.0.x and 3.1.x). */
  'unsupported-version',
  /** A Swagger 2.0 document could not be converted to OpenAPI 3.0. */
  'conversion-failed',
  /** A `$ref` names a URL: contracts are never fetched from the network. */
  'remote-ref',
  /** A `$ref` names a file or a place in a file that is not in the bundle. */
  'missing-ref',
  /** A `$ref` or an archive entry names a path outside the bundle (`../`, an absolute path). */
  'path-traversal',
  /** The archive is damaged or of a kind this engine does not read. */
  'archive-error',
  /** No entry file was named and none could be chosen, or the one named is not there. */
  'entry-not-found',
] as const;
export type ContractLoadErrorCode = (typeof contractLoadErrorCodes)[number];

/** Where in the input the problem is, as far as it is known. */
export interface ContractLoadErrorLocation {
  /** The file of the bundle (or the name of the text) the problem is in. */
  file?: string;
  /** 1-based line and column of a syntax error. */
  line?: number;
  column?: number;
  /** JSON pointer to the node at fault (the `$ref`, for reference errors). */
  pointer?: string;
}

/** A contract that cannot be loaded, with a message a user can act on. */
export class ContractLoadError extends Error {
  override readonly name = 'ContractLoadError';
  readonly code: ContractLoadErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly pointer: string | undefined;

  constructor(code: ContractLoadErrorCode, message: string, location: ContractLoadErrorLocation = {}) {
    super(message);
    this.code = code;
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.pointer = location.pointer;
  }
}
