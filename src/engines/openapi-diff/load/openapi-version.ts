import { upgradeFromTwoToThree } from '@scalar/openapi-upgrader/2.0-to-3.0';
import type { JsonObject } from '../types.ts';
import { ContractLoadError } from './errors.ts';
import { isJsonObject } from './parse-text.ts';
import { findRefs, isPointer, nodeAt, refTarget } from './refs.ts';

/** Which OpenAPI a document declares. */
export type DeclaredVersion = { family: 'swagger-2.0' } | { family: 'openapi'; version: '3.0' | '3.1' };

/**
 * Reads `swagger` or `openapi` from a document's root. YAML reads an unquoted `openapi: 3.1` as a
 * number: it is taken as the version it spells. Versions other than 2.0, 3.0.x and 3.1.x are refused.
 */
export function declaredVersion(document: JsonObject, file: string): DeclaredVersion {
  if (document.swagger !== undefined) {
    const swagger = versionText(document.swagger);
    if (swagger === '2.0') return { family: 'swagger-2.0' };
    throw unsupported(file, `swagger: ${swagger}`);
  }
  if (document.openapi === undefined) {
    throw new ContractLoadError('not-a-contract', `${file} has no "openapi" or "swagger" field at its root`, {
      file,
    });
  }
  const openapi = versionText(document.openapi);
  const minor = /^3\.([01])(\.\d+)?(-[\w.]+)?$/.exec(openapi)?.[1];
  if (minor === '0') return { family: 'openapi', version: '3.0' };
  if (minor === '1') return { family: 'openapi', version: '3.1' };
  throw unsupported(file, `openapi: ${openapi}`);
}

/** Converts a Swagger 2.0 document to OpenAPI 3.0 with Scalar's upgrader (definitions become components/schemas). */
export function convertSwagger2(document: JsonObject, file: string): JsonObject {
  let converted: unknown;
  try {
    // The upgrader changes the document it is given: it gets a copy.
    converted = upgradeFromTwoToThree(structuredClone(document));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContractLoadError(
      'conversion-failed',
      `${file}: this Swagger 2.0 document cannot be converted to OpenAPI 3.0: ${reason}`,
      { file },
    );
  }
  if (
    !isJsonObject(converted) ||
    typeof converted.openapi !== 'string' ||
    !converted.openapi.startsWith('3.0')
  ) {
    throw new ContractLoadError(
      'conversion-failed',
      `${file}: this Swagger 2.0 document did not convert to OpenAPI 3.0`,
      { file },
    );
  }
  // The conversion moves nodes (body parameters become request bodies): a reference to a moved node is lost.
  for (const site of findRefs(converted)) {
    const { fragment } = refTarget(site, file);
    if (isPointer(fragment) && nodeAt(converted, fragment) === undefined) {
      throw new ContractLoadError(
        'conversion-failed',
        `${file}: after conversion to OpenAPI 3.0, $ref "${site.ref}" at ${site.pointer} points nowhere; convert the document to OpenAPI 3 before loading it`,
        { file, pointer: site.pointer },
      );
    }
  }
  return converted;
}

function versionText(value: unknown): string {
  return typeof value === 'number' ? value.toFixed(1) : String(value);
}

function unsupported(file: string, declared: string): ContractLoadError {
  return new ContractLoadError(
    'unsupported-version',
    `${file} declares ${declared}; Shipshape reads Swagger 2.0 and OpenAPI 3.0.x and 3.1.x`,
    { file, pointer: declared.startsWith('swagger') ? '/swagger' : '/openapi' },
  );
}
