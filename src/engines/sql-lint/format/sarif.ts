import { rules } from '../rules/index.ts';
import type { LintReport, Rule, Severity } from '../types.ts';

/** The pseudo-rule files that PostgreSQL's parser rejects are reported under. */
export const parseErrorRuleId = 'parse-error';

type SarifLevel = 'error' | 'warning';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

interface SarifResult {
  ruleId: string;
  /** Where the rule sits in the driver's rules (omitted for a rule the catalogue does not list). */
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number };
    };
  }[];
}

/** The subset of SARIF 2.1.0 Shipshape writes: one run, the catalogue as rules, one result per problem. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; semanticVersion?: string; rules: SarifRule[] } };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

const parseErrorRule: SarifRule = {
  id: parseErrorRuleId,
  shortDescription: { text: 'The migration does not parse' },
  fullDescription: {
    text: "PostgreSQL's own parser rejects this file: it would fail when applied, and nothing in it was checked.",
  },
  help: {
    text: 'Fix the syntax error the parser points at.',
    markdown: 'Fix the syntax error the parser points at.',
  },
  defaultConfiguration: { level: 'error' },
  properties: { tags: ['migrations', 'postgresql'] },
};

function sarifRule(rule: Rule): SarifRule {
  return {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: { text: rule.recipe, markdown: rule.recipe },
    defaultConfiguration: { level: rule.severity },
    properties: { tags: ['migrations', 'postgresql', 'locking'] },
  };
}

/** A path as a relative URI reference: forward slashes, unsafe characters percent-encoded. */
export function pathToUri(path: string): string {
  return encodeURI(path.replaceAll('\\', '/')).replaceAll('#', '%23').replaceAll('?', '%3F');
}

/**
 * The report as SARIF 2.1.0, for code-scanning dashboards (GitHub's upload-sarif, GitLab's SAST
 * widgets): every rule of the catalogue with its title, why and recipe, and a result per finding and
 * per file that does not parse, located at the statement.
 */
export function formatSarif(report: LintReport): SarifLog {
  const catalogue = [...rules.map(sarifRule), parseErrorRule];
  const indexOf = new Map(catalogue.map((rule, index) => [rule.id, index]));
  const result = (
    ruleId: string,
    level: Severity,
    text: string,
    path: string,
    line: number,
    column: number,
  ): SarifResult => {
    const ruleIndex = indexOf.get(ruleId);
    return {
      ruleId,
      ...(ruleIndex === undefined ? {} : { ruleIndex }),
      level,
      message: { text },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUri(path) },
            region: { startLine: Math.max(1, line), startColumn: Math.max(1, column) },
          },
        },
      ],
    };
  };
  const results = report.files.flatMap((file) => [
    ...(file.parseError
      ? [
          result(
            parseErrorRuleId,
            'error',
            file.parseError.message,
            file.path,
            file.parseError.line,
            file.parseError.column,
          ),
        ]
      : []),
    ...file.findings.map((finding) =>
      result(finding.ruleId, finding.severity, finding.message, finding.path, finding.line, finding.column),
    ),
  ]);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      { tool: { driver: { name: 'shipshape', rules: catalogue } }, columnKind: 'utf16CodeUnits', results },
    ],
  };
}
