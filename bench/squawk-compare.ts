// Where Shipshape's verdicts differ from squawk's on the shared corpus
// (src/engines/sql-lint/fixtures/shared-corpus), rule by rule, with the reasons listed in
// src/engines/sql-lint/fixtures/squawk-differences.ts, as Markdown.
//   npx tsx bench/squawk-compare.ts

import { squawkVersion } from '../src/engines/sql-lint/fixtures/squawk-differences.ts';
import {
  comparedPgVersion,
  compareWithSquawk,
  knownDifference,
  squawkBinary,
  staleDifferences,
} from '../src/engines/sql-lint/fixtures/test-helpers.ts';

const binary = squawkBinary();
if (!binary) {
  console.error('squawk is not installed (its binary comes in the optional package @squawk-cli/<platform>)');
  process.exit(2);
}
const comparison = await compareWithSquawk(binary);
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

console.log(
  `squawk ${squawkVersion} and Shipshape on ${comparison.files.length} migrations, PostgreSQL ${comparedPgVersion}, the ${comparison.rules.length} rules both have: ${comparison.agreements.length} findings in common, ${comparison.differences.length} differences.\n`,
);
console.log(`Rules compared: ${comparison.rules.map((rule) => `\`${rule}\``).join(', ')}.\n`);
console.log('| file | line | rule | squawk says | Shipshape says | why |');
console.log('| --- | ---: | --- | --- | --- | --- |');
let unexplained = 0;
for (const difference of comparison.differences) {
  const reason = knownDifference(difference)?.why;
  if (!reason) unexplained += 1;
  const said = cell(difference.message);
  const [squawk, shipshape] = difference.reportedBy === 'squawk' ? [said, 'nothing'] : ['nothing', said];
  console.log(
    `| ${difference.file} | ${difference.line} | \`${difference.rule}\` | ${squawk} | ${shipshape} | ${cell(reason ?? '**not listed**')} |`,
  );
}
const stale = staleDifferences(comparison.differences);
for (const entry of stale)
  console.log(
    `\nListed but no longer happening: ${entry.file}${entry.line ? `:${entry.line}` : ''} ${entry.rule}`,
  );
process.exitCode = unexplained > 0 || stale.length > 0 ? 1 : 0;
