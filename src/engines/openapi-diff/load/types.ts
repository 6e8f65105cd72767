import type { OpenApiDocument } from '../types.ts';

/**
 * What a contract is loaded from: one document as text, an archive (.zip, .tar, .tar.gz, told apart
 * by their first bytes), or the files of a multi-file contract already read (the CLI reads a folder).
 */
export type ContractInput =
  | { kind: 'text'; name: string; text: string }
  | { kind: 'archive'; name: string; bytes: Uint8Array; entry?: string }
  | { kind: 'files'; files: Record<string, string>; entry: string };

export interface LoadOptions {
  /** The most bytes of text, archive or unpacked files accepted. Default 20 MiB. */
  maxBytes?: number;
}

export const defaultMaxBytes = 20 * 1024 * 1024;

/** An OpenAPI contract, bundled into one document whose only `$ref`s are internal. */
export interface LoadedOpenApi {
  kind: 'openapi';
  document: OpenApiDocument;
  openapiVersion: '3.0' | '3.1';
  /** Set when the input was a Swagger 2.0 document, converted to OpenAPI 3.0. */
  convertedFrom?: '2.0';
  /** `info.title` and `info.version`, when the document has them. */
  title: string | null;
  version: string | null;
  /** SHA-256 (hex) of the bundled document as canonical JSON: the same for YAML and JSON, whatever the key order. */
  hash: string;
  /** The files the contract was read from, its entry first. */
  files: string[];
}

/** A GraphQL schema, as SDL. */
export interface LoadedGraphQL {
  kind: 'graphql';
  sdl: string;
  /** SHA-256 (hex) of the schema printed with its types sorted: the same whatever the layout and order. */
  hash: string;
  files: string[];
}

export type LoadedContract = LoadedOpenApi | LoadedGraphQL;
