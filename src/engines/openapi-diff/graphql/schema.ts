import {
  buildASTSchema,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  isTypeSystemDefinitionNode,
  isTypeSystemExtensionNode,
  lexicographicSortSchema,
  parse,
  printSchema,
} from 'graphql';
import { ContractLoadError } from '../load/errors.ts';
import { sha256 } from '../load/hash.ts';

/**
 * Builds a schema from SDL, validating it (assumeValidSDL off): a syntax error is reported with its
 * line and column, an invalid schema (an unknown type, a duplicate field) with graphql-js's reasons.
 */
export function buildGraphQLSchema(sdl: string, file: string): GraphQLSchema {
  const document = parseSdl(sdl, file);
  try {
    return buildASTSchema(document, { assumeValidSDL: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replaceAll('\n\n', ' ') : String(error);
    throw new ContractLoadError('parse-error', `${file} is not a valid GraphQL schema: ${reason}`, { file });
  }
}

/** Whether a text is GraphQL SDL: it parses, and holds only type system definitions and extensions. */
export function isGraphQLSdl(text: string): boolean {
  try {
    const { definitions } = parse(text, { noLocation: true });
    return (
      definitions.length > 0 &&
      definitions.every(
        (definition) => isTypeSystemDefinitionNode(definition) || isTypeSystemExtensionNode(definition),
      )
    );
  } catch {
    return false;
  }
}

/** SHA-256 of the schema printed with its types and fields sorted: layout, comments and order do not change it. */
export function hashGraphQLSchema(schema: GraphQLSchema): string {
  return sha256(printSchema(lexicographicSortSchema(schema)));
}

function parseSdl(sdl: string, file: string): DocumentNode {
  try {
    return parse(sdl);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const location = error.locations?.[0];
    const where = location ? ` line ${location.line}, column ${location.column}` : '';
    throw new ContractLoadError('parse-error', `${file}${where}: ${error.message}`, {
      file,
      line: location?.line,
      column: location?.column,
    });
  }
}
