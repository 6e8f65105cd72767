// The contract diff engine as a process of its own, for the benchmark: what a CI job pays from
// start to verdict (Node and the TypeScript loader starting, both files read and parsed, the diff)
// whether or not the CLI has `contracts diff` yet. Prints the result as JSON; exits 1 on ERR.
// Run: npx tsx bench/contract-diff-process.ts <base.json> <revision.json>
import fs from 'node:fs';
import { diffOpenApi, type OpenApiDocument } from '../src/engines/openapi-diff/index.ts';

function readDocument(file: string): OpenApiDocument {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} is not an OpenAPI document (a JSON object)`);
  }
  // A parsed JSON object is a JsonObject; the engine checks every field it reads.
  return parsed as OpenApiDocument;
}

const [basePath, revisionPath] = process.argv.slice(2);
if (!basePath || !revisionPath) {
  console.error('usage: contract-diff-process.ts <base.json> <revision.json>');
  process.exit(2);
}
const result = diffOpenApi(readDocument(basePath), readDocument(revisionPath));
process.stdout.write(JSON.stringify(result));
process.exitCode = result.summary.ERR > 0 ? 1 : 0;
