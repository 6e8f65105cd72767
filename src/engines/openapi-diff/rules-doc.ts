import { changeAsDiff, changedPart, lineDiff } from './example-change.ts';
import { type GraphQLRule, graphqlRules } from './graphql/index.ts';
import { rules } from './rules/index.ts';
import { type Level, levels, type Rule, type Section, sections } from './types.ts';

const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';

const sectionTitles: Record<Section, string> = {
  paths: 'Paths',
  operations: 'Operations',
  deprecation: 'Deprecation and stability',
  parameters: 'Parameters',
  'request-body': 'Request bodies',
  'request-schema': 'Request schemas',
  responses: 'Responses',
  'response-schema': 'Response schemas',
  headers: 'Response headers',
  security: 'Security',
  servers: 'Servers',
  extensions: 'Extensions',
  graphql: 'GraphQL',
};

type DocumentedRule = Rule | GraphQLRule;

function isGraphQLRule(rule: DocumentedRule): rule is GraphQLRule {
  return rule.section === 'graphql';
}

function exampleOf(rule: DocumentedRule): string {
  const body = isGraphQLRule(rule)
    ? lineDiff(rule.examples.triggers.base, rule.examples.triggers.revision).join('\n')
    : changeAsDiff(changedPart(rule.examples.triggers.base, rule.examples.triggers.revision));
  return ['```diff', body, '```'].join('\n');
}

function ruleSection(rule: DocumentedRule): string {
  return [
    `#### \`${rule.id}\``,
    '',
    `**${rule.level}** · ${sectionTitles[rule.section]}. ${rule.title}.`,
    '',
    rule.why,
    '',
    'Reported on a change like this (only the part that differs):',
    '',
    exampleOf(rule),
  ].join('\n');
}

function counts(catalogue: readonly DocumentedRule[]): string {
  const by = (level: Level) => catalogue.filter((rule) => rule.level === level).length;
  return levels.map((level) => `${by(level)} ${level}`).join(', ');
}

/**
 * The rule reference: how many rules of each level, a table of every rule, then each rule under its
 * section with its level, title, why it matters and the smallest example change that triggers it.
 */
export function rulesReference(): string {
  const catalogue: DocumentedRule[] = [...rules, ...graphqlRules];
  const table = [
    '| Rule | Level | Section | What it reports |',
    '| --- | --- | --- | --- |',
    ...catalogue.map(
      (rule) =>
        `| [\`${rule.id}\`](#${rule.id}) | ${rule.level} | ${sectionTitles[rule.section]} | ${rule.title} |`,
    ),
  ];
  const bySection = sections.flatMap((section) => {
    const inSection = catalogue.filter((rule) => rule.section === section);
    if (inSection.length === 0) return [];
    return [`### ${sectionTitles[section]}`, '', inSection.map(ruleSection).join('\n\n'), ''];
  });
  return [
    '<!-- Generated from the rule catalogue (src/engines/openapi-diff/rules, graphql/) by `npm run docs:contract-rules`; a test fails when it is out of date. -->',
    '',
    `${catalogue.length} rules: ${counts(catalogue)}. OpenAPI: ${rules.length}; GraphQL: ${graphqlRules.length}.`,
    '',
    ...table,
    '',
    ...bySection,
  ]
    .join('\n')
    .trimEnd();
}

/** The document with its generated rule reference replaced by the current one. */
export function withRulesReference(document: string): string {
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to < from) throw new Error(`the document has no ${start} … ${end} section`);
  return `${document.slice(0, from + start.length)}\n${rulesReference()}\n${document.slice(to)}`;
}
