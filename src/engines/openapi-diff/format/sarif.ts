import type { DiffResult, Finding, Level } from '../types.ts';
import { catalogueFor, type DescribedRule } from './catalogue.ts';
import { defaultRulesUrl } from './common.ts';
import { createLocator, type SourcePosition } from './locate.ts';

type SarifLevel = 'error' | 'warning' | 'note';
const sarifLevels: Record<Level, SarifLevel> = { ERR: 'error', WARN: 'warning', INFO: 'note' };

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

interface SarifLocation {
  physicalLocation?: {
    artifactLocation: { uri: string };
    region: { startLine: number; startColumn: number };
  };
  logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[];
}

interface SarifResult {
  ruleId: string;
  /** Where the rule sits in the driver's rules (omitted for a rule the catalogue does not list). */
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  properties: { pointer: string; side: Finding['side']; field: string | null };
}

/** The subset of SARIF 2.1.0 Shipshape writes: one run, the catalogue as rules, one result per change. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; informationUri?: string; rules: SarifRule[] } };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

export interface SarifOptions {
  /** The revision's file: its path (relative to the repository root) and, to place results on lines, its text. */
  file?: { uri: string; text?: string };
  /** Where rule ids link to; an absolute URL also becomes each rule's helpUri. Default docs/contract-checks.md. */
  rulesUrl?: string;
}

type FindingLocator = (finding: Finding) => SourcePosition | null;

function sarifRule(rule: DescribedRule, rulesUrl: string): SarifRule {
  const link = `${rulesUrl}#${rule.id}`;
  return {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: { text: `${rule.why}\n\nSee ${link}`, markdown: `${rule.why}\n\nSee [\`${rule.id}\`](${link}).` },
    ...(/^https?:\/\//.test(rulesUrl) ? { helpUri: link } : {}),
    defaultConfiguration: { level: sarifLevels[rule.level] },
    properties: { tags: ['api-contract', rule.section] },
  };
}

/** A path as a relative URI reference: forward slashes, unsafe characters percent-encoded. */
export function pathToUri(path: string): string {
  return encodeURI(path.replaceAll('\\', '/')).replaceAll('#', '%23').replaceAll('?', '%3F');
}

/** For GraphQL: the line where the type a field belongs to is declared (`type Query`, `input UserInput`). */
function graphqlLocator(text: string): FindingLocator {
  const lines = text.split('\n');
  return (finding) => {
    const typeName = (finding.field ?? '').split('.')[0]?.replace(/\W/g, '') ?? '';
    if (typeName === '') return null;
    const declaration = new RegExp(
      `^\\s*(extend\\s+)?(type|interface|input|enum|union|scalar)\\s+${typeName}\\b`,
    );
    const index = lines.findIndex((line) => declaration.test(line));
    return index === -1 ? null : { line: index + 1, column: 1, exact: false };
  };
}

/** Places findings in the revision's text: OpenAPI by JSON pointer, GraphQL by type. */
function locatorFor(result: DiffResult, text: string | undefined): FindingLocator | undefined {
  if (text === undefined) return undefined;
  if (result.kind === 'graphql') return graphqlLocator(text);
  const locate = createLocator(text);
  return (finding) => locate(finding.pointer);
}

function location(
  finding: Finding,
  options: SarifOptions,
  locate: FindingLocator | undefined,
): SarifLocation {
  const name = finding.operation ?? finding.field;
  const kind = finding.operation ? 'resource' : 'member';
  const logical = name ? { logicalLocations: [{ name, fullyQualifiedName: name, kind }] } : {};
  if (!options.file) return logical;
  const where = locate?.(finding) ?? null;
  return {
    physicalLocation: {
      artifactLocation: { uri: pathToUri(options.file.uri) },
      region: { startLine: where?.line ?? 1, startColumn: where?.column ?? 1 },
    },
    ...logical,
  };
}

/**
 * The diff as SARIF 2.1.0, for code-scanning dashboards (GitHub's upload-sarif, GitLab): every rule
 * of the catalogue with its title and why, and one result per change with its level (ERR error,
 * WARN warning, INFO note), the operation as a logical location and, when the revision's file is
 * given, the line where the change is written (a removal at its nearest surviving ancestor). The
 * base's pointer is only a guide to the revision's text, which is why a removal lands on its parent.
 */
export function formatSarif(result: DiffResult, options: SarifOptions = {}): SarifLog {
  const rulesUrl = options.rulesUrl ?? defaultRulesUrl;
  const catalogue = catalogueFor(result.kind).map((rule) => sarifRule(rule, rulesUrl));
  const indexOf = new Map(catalogue.map((rule, index) => [rule.id, index]));
  const locate = locatorFor(result, options.file?.text);
  const results = result.findings.map((finding): SarifResult => {
    const ruleIndex = indexOf.get(finding.ruleId);
    return {
      ruleId: finding.ruleId,
      ...(ruleIndex === undefined ? {} : { ruleIndex }),
      level: sarifLevels[finding.level],
      message: { text: finding.message },
      locations: [location(finding, options, locate)],
      properties: { pointer: finding.pointer, side: finding.side, field: finding.field },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      { tool: { driver: { name: 'shipshape', rules: catalogue } }, columnKind: 'utf16CodeUnits', results },
    ],
  };
}
