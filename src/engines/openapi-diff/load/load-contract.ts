import { buildGraphQLSchema, hashGraphQLSchema, isGraphQLSdl } from '../graphql/schema.ts';
import type { Json, JsonObject } from '../types.ts';
import { unpackArchive } from './archive.ts';
import { bundleDocument } from './bundle.ts';
import { checkSize } from './byte-budget.ts';
import { chooseEntry } from './entry.ts';
import { ContractLoadError } from './errors.ts';
import { hashJson } from './hash.ts';
import { convertSwagger2, declaredVersion } from './openapi-version.ts';
import { isJsonObject, parseStructuredText } from './parse-text.ts';
import { baseName, bundlePath } from './paths.ts';
import {
  type ContractInput,
  defaultMaxBytes,
  type LoadedContract,
  type LoadedGraphQL,
  type LoadedOpenApi,
  type LoadOptions,
} from './types.ts';

/**
 * Loads a contract from text, an archive or a map of files: an OpenAPI 3.0/3.1 document (Swagger 2.0
 * converted to 3.0) with its other files bundled in, or a GraphQL schema. Nothing is fetched and no
 * file outside the input is read; every failure is a ContractLoadError naming what to fix.
 */
export async function loadContract(input: ContractInput, options: LoadOptions = {}): Promise<LoadedContract> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new RangeError(`maxBytes must be a positive whole number of bytes, not ${maxBytes}`);
  }
  const { files, entry } = await readInput(input, maxBytes);
  return loadEntry(files, entry);
}

interface Bundle {
  files: Map<string, string>;
  entry: string;
}

async function readInput(input: ContractInput, maxBytes: number): Promise<Bundle> {
  if (input.kind === 'text') {
    checkSize(Buffer.byteLength(input.text), maxBytes, input.name);
    // A single text has no folder: relative references from it can only name files it does not have.
    const name = baseName(input.name) || 'contract';
    return { files: new Map([[name, input.text]]), entry: name };
  }
  if (input.kind === 'files') {
    const total = Object.values(input.files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    checkSize(total, maxBytes, 'the files given');
    const files = new Map(
      Object.entries(input.files).map(([name, text]) => [bundlePath(name, 'the files given'), text]),
    );
    return { files, entry: chooseEntry(files, input.entry, 'the files given') };
  }
  checkSize(input.bytes.length, maxBytes, input.name);
  const files = await unpackArchive(input.name, input.bytes, maxBytes);
  return { files, entry: chooseEntry(files, input.entry, input.name) };
}

/** Tells what the entry is, by its extension where it has a telling one, else by its content. */
async function loadEntry(files: Map<string, string>, entry: string): Promise<LoadedContract> {
  const text = files.get(entry) ?? '';
  if (/\.(graphql|gql)$/i.test(entry)) return loadGraphQL(text, entry);
  const structured = /\.(ya?ml|json)$/i.test(entry);
  let parsed: Json;
  try {
    parsed = parseStructuredText(text, entry);
  } catch (error) {
    if (!structured && isGraphQLSdl(text)) return loadGraphQL(text, entry);
    throw error;
  }
  if (isJsonObject(parsed) && (parsed.openapi !== undefined || parsed.swagger !== undefined)) {
    return loadOpenApi(files, entry, parsed);
  }
  if (!structured && isGraphQLSdl(text)) return loadGraphQL(text, entry);
  throw new ContractLoadError(
    'not-a-contract',
    `${entry} is neither an OpenAPI document (no "openapi" or "swagger" field at its root) nor a GraphQL schema`,
    { file: entry },
  );
}

async function loadOpenApi(
  files: Map<string, string>,
  entry: string,
  root: JsonObject,
): Promise<LoadedOpenApi> {
  // The version is checked before any other file is read: an unsupported document goes no further.
  const declared = declaredVersion(root, entry);
  const bundled = await bundleDocument(files, entry, root);
  const swagger = declared.family === 'swagger-2.0';
  const document = swagger ? convertSwagger2(bundled.document, entry) : bundled.document;
  const info = isJsonObject(document.info) ? document.info : {};
  return {
    kind: 'openapi',
    document,
    openapiVersion: declared.family === 'openapi' ? declared.version : '3.0',
    ...(swagger ? { convertedFrom: '2.0' as const } : {}),
    title: textOf(info.title),
    version: textOf(info.version),
    hash: hashJson(document),
    files: bundled.files,
  };
}

function loadGraphQL(sdl: string, entry: string): LoadedGraphQL {
  const schema = buildGraphQLSchema(sdl, entry);
  return { kind: 'graphql', sdl, hash: hashGraphQLSchema(schema), files: [entry] };
}

/** `info.version: 1.2` in YAML is a number: it is kept as the text it was. */
function textOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}
