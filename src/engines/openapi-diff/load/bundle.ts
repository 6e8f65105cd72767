import $RefParser, { type FileInfo } from '@apidevtools/json-schema-ref-parser';
import type { Json, JsonObject } from '../types.ts';
import { ContractLoadError } from './errors.ts';
import { parseStructuredText } from './parse-text.ts';
import { findRefs, isPointer, nodeAt, refTarget } from './refs.ts';

/** A contract's document with every other file it refers to bundled in, and the files it was made of. */
export interface BundledDocument {
  document: JsonObject;
  /** The entry first, then each file in the order its first `$ref` was met. */
  files: string[];
}

/**
 * Bundles a multi-file contract into one document. Every `$ref` reachable from the entry is checked
 * first (URLs, paths outside the bundle, missing files and missing places are refused, naming the
 * `$ref`); then json-schema-ref-parser inlines each referenced file once and turns the references into
 * internal ones, reading only the parsed files given here. Cycles between files are followed once.
 */
export async function bundleDocument(
  files: ReadonlyMap<string, string>,
  entry: string,
  entryDocument: JsonObject,
): Promise<BundledDocument> {
  const parsed = readReachableFiles(files, entry, entryDocument);
  const order = [...parsed.keys()];
  // A single file keeps its internal references as they are: nothing to bundle.
  if (order.length === 1) return { document: entryDocument, files: order };
  return { document: await inlineExternalFiles(files, parsed, entry, entryDocument), files: order };
}

/** Parses the entry and every file its references reach, each once, checking every reference on the way. */
function readReachableFiles(
  files: ReadonlyMap<string, string>,
  entry: string,
  entryDocument: JsonObject,
): Map<string, Json> {
  const parsed = new Map<string, Json>([[entry, entryDocument]]);
  const parse = (file: string, text: string) => {
    const value = parseStructuredText(text, file);
    parsed.set(file, value);
    return value;
  };
  // The map grows while it is walked: each file reached is read in its turn.
  for (const [file, document] of parsed) {
    for (const site of findRefs(document)) {
      const target = refTarget(site, file);
      const text = files.get(target.file);
      if (text === undefined) {
        throw new ContractLoadError(
          'missing-ref',
          `${file}: $ref "${site.ref}" at ${site.pointer || '/'} names ${target.file}, which is not in the bundle`,
          { file, pointer: site.pointer },
        );
      }
      const targetDocument = parsed.has(target.file)
        ? (parsed.get(target.file) ?? null)
        : parse(target.file, text);
      if (isPointer(target.fragment) && nodeAt(targetDocument, target.fragment) === undefined) {
        throw new ContractLoadError(
          'missing-ref',
          `${file}: $ref "${site.ref}" at ${site.pointer || '/'} names ${target.fragment}, which ${target.file} does not have`,
          { file, pointer: site.pointer },
        );
      }
    }
  }
  return parsed;
}

/** A made-up URL scheme for the bundle's files: json-schema-ref-parser resolves relative paths against it. */
const bundleRoot = 'bundle://contract/';

async function inlineExternalFiles(
  files: ReadonlyMap<string, string>,
  parsed: ReadonlyMap<string, Json>,
  entry: string,
  root: JsonObject,
): Promise<JsonObject> {
  const urlOf = (file: string) => bundleRoot + file.split('/').map(encodeURIComponent).join('/');
  const fileOf = (info: FileInfo) => decodeURIComponent(info.url.slice(bundleRoot.length));
  try {
    return await $RefParser.bundle<JsonObject>(urlOf(entry), root, {
      resolve: {
        // Nothing is read from disk or the network: only the bundle's own files, all checked above.
        file: false,
        http: false,
        bundle: {
          order: 1,
          canRead: (info: FileInfo) => info.url.startsWith(bundleRoot),
          read: (info: FileInfo) => files.get(fileOf(info)) ?? '',
        },
      },
      // Each file was parsed once already, with positions in its errors: that value is reused.
      parse: {
        json: false,
        yaml: false,
        text: false,
        binary: false,
        parsed: {
          order: 1,
          allowEmpty: true,
          canParse: true,
          parse: (info: FileInfo) => parsed.get(fileOf(info)),
        },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ContractLoadError(
      'missing-ref',
      `${entry}: the bundle's references cannot be resolved: ${message}`,
      {
        file: entry,
      },
    );
  }
}
