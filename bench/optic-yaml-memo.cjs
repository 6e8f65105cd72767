// A diagnostic for the contract diff benchmark, preloaded into Optic with `node -r` (bench/optic.ts):
// remembers what yaml-ast-parser parsed, by text. Optic's denormaliser, for every property it moves
// out of an `allOf`, builds a source-map reader that parses the whole description again as YAML to
// find the property's line; on GitHub's description that is thousands of parses of 12 MB. With the
// parse remembered Optic does the same work and reports the same results, once per file instead.
// yaml-ast-parser is found from Optic's own script (the command's first argument).
const path = require('node:path');

const optic = path.dirname(process.argv[1] ?? '');
const utilities = require.resolve('@useoptic/openapi-utilities', { paths: [optic] });
const yaml = require(require.resolve('yaml-ast-parser', { paths: [path.dirname(utilities)] }));
const parse = yaml.safeLoad;
const parsed = new Map();

yaml.safeLoad = (text, options) => {
  if (options !== undefined) return parse(text, options);
  if (!parsed.has(text)) parsed.set(text, parse(text));
  return parsed.get(text);
};
