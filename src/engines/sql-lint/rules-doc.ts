import { rules } from './rules/index.ts';
import type { Rule } from './types.ts';

const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';

function ruleSection(rule: Rule): string {
  const facts = [`**${rule.severity}**`, `lock: ${rule.lock}`];
  return [
    `### \`${rule.id}\``,
    '',
    `${rule.title}. ${facts.join(' · ')}`,
    '',
    rule.why,
    ...(rule.versions ? ['', `PostgreSQL versions: ${rule.versions}`] : []),
    '',
    'Reported:',
    '',
    '```sql',
    rule.examples.unsafe,
    '```',
    '',
    'Not reported (a near miss):',
    '',
    '```sql',
    rule.examples.safe,
    '```',
    '',
    'The safe way:',
    '',
    rule.recipe,
  ].join('\n');
}

/** The rule reference: a table of every rule, then each rule with its lock, versions, examples and recipe. */
export function rulesReference(): string {
  const errors = rules.filter((rule) => rule.severity === 'error').length;
  const table = [
    '| Rule | Level | What it asks |',
    '| --- | --- | --- |',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.title} |`),
  ];
  return [
    `<!-- Generated from the rule catalogue (src/engines/sql-lint/rules) by \`npm run docs:migration-rules\`; a test fails when it is out of date. -->`,
    '',
    `${rules.length} rules: ${errors} errors (exit 1 in CI) and ${rules.length - errors} warnings.`,
    '',
    ...table,
    '',
    rules.map(ruleSection).join('\n\n'),
  ].join('\n');
}

/** The document with its generated rule reference replaced by the current one. */
export function withRulesReference(document: string): string {
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to < from) throw new Error(`the document has no ${start} … ${end} section`);
  return `${document.slice(0, from + start.length)}\n${rulesReference()}\n${document.slice(to)}`;
}
