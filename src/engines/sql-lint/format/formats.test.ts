import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../test-support/xml.ts';
import { lintMigrations } from '../lint.ts';
import { rules } from '../rules/index.ts';
import type { Finding, LintReport } from '../types.ts';
import { runFails } from './common.ts';
import { formatJunit } from './junit.ts';
import { formatMarkdown } from './markdown.ts';
import { formatSarif, parseErrorRuleId } from './sarif.ts';
import { formatText } from './text.ts';

const nasty = `a < b & "c" 'd' ]]> \u0001end`;
const firstRule = rules[0];
if (!firstRule) throw new Error('the catalogue is empty');

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: firstRule?.id ?? '',
    severity: 'error',
    message: 'CREATE INDEX on users blocks writes',
    path: 'db/0002 add index.sql',
    line: 3,
    column: 5,
    statement: 'CREATE INDEX users_email\n  ON users (email)',
    why: 'Writes wait.',
    recipe: '1. Use `CREATE INDEX CONCURRENTLY`.\n2. Outside a transaction.',
    ...overrides,
  };
}

/** A report with one of everything: an error, a warning, a parse error, an unanalysed DO block, a clean file. */
const report: LintReport = {
  pgVersion: 15,
  files: [
    {
      path: 'db/0001_init.sql',
      statements: [
        { line: 1, kind: 'CreateStmt', locks: [], inTransaction: false, locksHeldUntilLine: null },
      ],
      findings: [],
      unanalysed: [],
      ignored: [],
      parseError: null,
    },
    {
      path: 'db/0002 add index.sql',
      statements: [],
      findings: [
        finding({}),
        finding({ severity: 'warning', ruleId: 'some-warning', line: 9, column: 1, message: nasty }),
      ],
      unanalysed: [
        { path: 'db/0002 add index.sql', line: 12, reason: 'DO block: its procedural body is not analysed' },
      ],
      ignored: [{ ruleId: 'ban-drop-column', line: 14, reason: 'column unused since v2' }],
      parseError: null,
    },
    {
      path: 'db/0003_broken.sql',
      statements: [],
      findings: [],
      unanalysed: [],
      ignored: [],
      parseError: { message: 'syntax error at or near "TABL"', line: 2, column: 8 },
    },
  ],
  summary: { files: 3, statements: 1, errors: 1, warnings: 1, parseErrors: 1 },
};
const skipped = [{ path: 'db/migrate/20240101000000_users.rb', reason: 'Ruby migration: not analysed' }];

const clean: LintReport = {
  pgVersion: 16,
  files: report.files.slice(0, 1),
  summary: { files: 1, statements: 1, errors: 0, warnings: 0, parseErrors: 0 },
};

describe('the text format', () => {
  const output = formatText(report, { skipped });

  it('writes each finding as path:line:column, level, rule and message, then the statement with a caret', () => {
    expect(output).toContain(
      `db/0002 add index.sql:3:5  error  ${firstRule.id}  CREATE INDEX on users blocks writes`,
    );
    expect(output).toContain('  3 |     CREATE INDEX users_email\n    |     ^\n  4 |   ON users (email)');
    expect(output).toContain('Why: Writes wait.');
    expect(output).toContain('Safe way:\n  1. Use `CREATE INDEX CONCURRENTLY`.');
    expect(output).toContain('db/0002 add index.sql:9:1  warning  some-warning');
  });

  it('shows parse errors, unanalysed statements, ignores and migrations in other languages', () => {
    expect(output).toContain('db/0003_broken.sql:2:8  error  parse-error  syntax error at or near "TABL"');
    expect(output).toContain('db/0002 add index.sql:12  note  not analysed: DO block');
    expect(output).toContain('db/0002 add index.sql:14  ignored  ban-drop-column: column unused since v2');
    expect(output).toContain('db/migrate/20240101000000_users.rb  note  Ruby migration: not analysed');
  });

  it('ends with a summary and has no colours unless asked', () => {
    expect(output.trimEnd().split('\n').at(-1)).toBe(
      '3 files, 1 not analysed, 1 statement (PostgreSQL 15): 1 error, 1 warning, 1 parse error',
    );
    expect(output).not.toContain('\u001b[');
    expect(formatText(report, { color: true })).toContain('\u001b[31merror\u001b[0m');
  });
});

describe('the markdown format', () => {
  const output = formatMarkdown(report, { skipped });

  it('opens with a summary table of the files with problems', () => {
    expect(output).toContain('| File | Errors | Warnings | Not analysed | |');
    expect(output).toContain('| `db/0002 add index.sql` | 1 | 1 | 1 |  |');
    expect(output).toContain('| `db/0003_broken.sql` | 0 | 0 | 0 | does not parse |');
    expect(output).not.toContain('| `db/0001_init.sql`');
  });

  it('groups findings by file with why and recipe folded in <details>', () => {
    const section = output.slice(output.indexOf('### `db/0002 add index.sql`'));
    expect(section).toContain(`:x: **error** \`${firstRule.id}\` at line 3`);
    expect(section).toMatch(/<details><summary>[^<]+<\/summary>\n\n {2}Writes wait\.\n\n {2}1\. Use/);
    expect(section).toContain('a &lt; b');
    expect(output).toContain('### Not analysed\n\n- `db/migrate/20240101000000_users.rb`: Ruby migration');
  });

  it('says so when there is nothing to fix', () => {
    expect(formatMarkdown(clean)).toContain('No problems found in 1 migration file.');
    expect(formatMarkdown(clean)).not.toContain('<details>');
  });
});

describe('the SARIF format', () => {
  const log = formatSarif(report);
  const run = log.runs[0];

  it('is SARIF 2.1.0 from the shipshape driver, listing the whole catalogue and the parse-error pseudo-rule', () => {
    expect(log.version).toBe('2.1.0');
    expect(run?.tool.driver.name).toBe('shipshape');
    const ids = run?.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual([...rules.map((rule) => rule.id), parseErrorRuleId]);
    const described = run?.tool.driver.rules[0];
    expect(described).toMatchObject({
      shortDescription: { text: firstRule.title },
      fullDescription: { text: firstRule.why },
      help: { markdown: firstRule.recipe },
      defaultConfiguration: { level: firstRule.severity },
    });
  });

  it('locates each result with a relative URI, and each ruleIndex points at its rule', () => {
    expect(run?.results.map((result) => [result.ruleId, result.level])).toEqual([
      [firstRule.id, 'error'],
      ['some-warning', 'warning'],
      [parseErrorRuleId, 'error'],
    ]);
    for (const result of run?.results ?? [])
      if (result.ruleIndex !== undefined)
        expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    // A rule the catalogue does not list gets no index rather than a wrong one.
    expect(run?.results[1]?.ruleIndex).toBeUndefined();
    expect(run?.results[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'db/0002%20add%20index.sql' },
      region: { startLine: 3, startColumn: 5 },
    });
    expect(run?.results[2]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 2, startColumn: 8 });
  });

  it('survives a round trip through JSON', () => {
    expect(JSON.parse(JSON.stringify(log))).toEqual(log);
  });
});

describe('the JUnit format', () => {
  it('is well-formed XML: one suite per file, one case per finding, the counts adding up', () => {
    const document = parseXml(formatJunit(report, { skipped }));
    expect(document.name).toBe('testsuites');
    expect(document.attributes).toMatchObject({ tests: '6', failures: '2', skipped: '2' });
    expect(document.children.map((suite) => suite.attributes.name)).toEqual([
      'db/0001_init.sql',
      'db/0002 add index.sql',
      'db/0003_broken.sql',
      'db/migrate/20240101000000_users.rb',
    ]);
    const [cleanSuite, findings, broken] = document.children;
    expect(
      cleanSuite?.children.map((testCase) => [testCase.attributes.name, testCase.children.length]),
    ).toEqual([['no problems', 0]]);
    expect(findings?.attributes).toMatchObject({ tests: '3', failures: '1', skipped: '1' });
    expect(broken?.children[0]?.children[0]?.attributes).toMatchObject({
      type: 'parse-error',
      message: 'syntax error at or near "TABL"',
    });
  });

  it('keeps warnings passing, their message in system-out, unless warnings fail the run', () => {
    const lenient = parseXml(formatJunit(report)).children[1]?.children[1];
    expect(lenient?.children.map((child) => child.name)).toEqual(['system-out']);
    // Escaped and read back exactly, less the control character XML cannot carry.
    expect(lenient?.children[0]?.text).toContain(
      `warning: db/0002 add index.sql:9:1: ${nasty.replace('\u0001', '')}`,
    );
    const strict = parseXml(formatJunit(report, { failOn: 'warning' }));
    expect(strict.attributes.failures).toBe('3');
    const warning = strict.children[1]?.children[1]?.children[0];
    expect(warning?.name).toBe('failure');
    expect(warning?.attributes).toMatchObject({ type: 'warning', message: nasty.replace('\u0001', '') });
  });
});

describe('the verdict', () => {
  it('fails on errors and parse errors, and on warnings only when asked', () => {
    expect(runFails(report, 'error')).toBe(true);
    expect(runFails(clean, 'error')).toBe(false);
    const warningsOnly = { ...clean, summary: { ...clean.summary, warnings: 2 } };
    expect(runFails(warningsOnly, 'error')).toBe(false);
    expect(runFails(warningsOnly, 'warning')).toBe(true);
    const unparsable = { ...clean, summary: { ...clean.summary, parseErrors: 1 } };
    expect(runFails(unparsable, 'error')).toBe(true);
  });
});

describe('the formats on a real lint', () => {
  it('render what the engine reports', async () => {
    const real = await lintMigrations([
      {
        path: 'migrations/1.sql',
        sql: 'CREATE TABLE IF NOT EXISTS t (id bigint);\nCREATE INDEX IF NOT EXISTS t_id ON t (id);',
      },
      {
        path: 'migrations/2.sql',
        sql: "SET lock_timeout = '2s';\nSET statement_timeout = '5min';\nCREATE INDEX IF NOT EXISTS users_email ON users (email);",
      },
    ]);
    expect(formatText(real)).toContain(`migrations/2.sql:3:1  error  require-concurrent-index-creation`);
    expect(formatSarif(real).runs[0]?.results).toHaveLength(1);
    expect(parseXml(formatJunit(real)).attributes).toMatchObject({ tests: '2', failures: '1' });
  });
});
