import type { Node } from '@pgsql/types';
import { type IgnoreDirective, ignoreDirectives } from './ignores.ts';
import { locksOf } from './locks.ts';
import { kindOf, tableName } from './nodes.ts';
import { loadParser, type ParsedStatement, parseMigration } from './parser.ts';
import { rules } from './rules/index.ts';
import type {
  FileReport,
  Finding,
  LintOptions,
  LintReport,
  MigrationSource,
  Rule,
  RuleContext,
  Statement,
} from './types.ts';

export const defaultPgVersion = 16;
const ignoreWithoutReason = 'ignore-without-reason';

/** Lints migration files in order and reports what each statement locks and what is unsafe. */
export async function lintMigrations(
  sources: readonly MigrationSource[],
  options: LintOptions = {},
): Promise<LintReport> {
  await loadParser();
  return lintMigrationsLoaded(sources, options);
}

/** The same, once `loadParser()` has resolved (for callers that lint in a tight loop). */
export function lintMigrationsLoaded(
  sources: readonly MigrationSource[],
  options: LintOptions = {},
): LintReport {
  const pgVersion = options.pgVersion ?? defaultPgVersion;
  const disabled = new Set(options.disabledRules ?? []);
  const active = rules.filter((rule) => !disabled.has(rule.id));
  const files = sources.map((source) =>
    lintFile(source, {
      pgVersion,
      rules: active,
      inTransaction: options.assumeInTransaction ?? source.runsInTransaction ?? false,
    }),
  );
  const findings = files.flatMap((file) => file.findings);
  return {
    pgVersion,
    files,
    summary: {
      files: files.length,
      statements: files.reduce((total, file) => total + file.statements.length, 0),
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warning').length,
      parseErrors: files.filter((file) => file.parseError).length,
    },
  };
}

interface FileOptions {
  pgVersion: number;
  rules: readonly Rule[];
  inTransaction: boolean;
}

function lintFile(source: MigrationSource, options: FileOptions): FileReport {
  const report: FileReport = {
    path: source.path,
    statements: [],
    findings: [],
    unanalysed: [],
    ignored: [],
    parseError: null,
  };
  const parsed = parseMigration(source.sql);
  if (!parsed.ok) {
    report.parseError = { message: parsed.message, line: parsed.line, column: parsed.column };
    return report;
  }
  for (const line of parsed.skippedLines)
    report.unanalysed.push({ path: source.path, line, reason: 'psql meta-command, not SQL: skipped' });
  const statements = inTransactionMarks(parsed.statements, options.inTransaction);
  const fileIgnores = parsed.statements.flatMap((statement) =>
    ignoreDirectives(statement.leadingComments).filter((directive) => directive.wholeFile),
  );
  const newTables = new Set<string>();
  const timeoutsSet = { lockTimeout: false, statementTimeout: false };
  statements.forEach((statement, index) => {
    const context: RuleContext = {
      pgVersion: options.pgVersion,
      statement,
      statements,
      isNewTable: (name) => newTables.has(name),
      timeoutsSet: { ...timeoutsSet },
      fileInTransaction: options.inTransaction,
    };
    report.statements.push({
      line: statement.line,
      kind: kindOf(statement.node),
      // Locks on tables created in this file keep nobody waiting; a foreign key from a new table
      // still locks the existing table it references.
      locks: locksOf(statement.node, options.pgVersion).filter((lock) => !newTables.has(lock.table)),
      inTransaction: statement.inTransaction,
      locksHeldUntilLine: statement.inTransaction ? transactionEnd(statements, index, source.sql) : null,
    });
    if ('DoStmt' in statement.node)
      report.unanalysed.push({
        path: source.path,
        line: statement.line,
        reason: 'DO block: its procedural body is not analysed',
      });
    const ignores = [...fileIgnores, ...ignoreDirectives(parsed.statements[index]?.leadingComments ?? '')];
    applyRules(report, source.path, context, options.rules, ignores);
    remember(statement.node, newTables, timeoutsSet);
  });
  return report;
}

function applyRules(
  report: FileReport,
  path: string,
  context: RuleContext,
  active: readonly Rule[],
  ignores: IgnoreDirective[],
): void {
  const { statement } = context;
  for (const directive of ignores)
    if (!directive.reason && !directive.wholeFile && active.some((rule) => rule.id === ignoreWithoutReason))
      report.findings.push(
        finding(
          ruleById(ignoreWithoutReason),
          path,
          statement,
          `shipshape-ignore ${directive.ruleIds.join(', ')} gives no reason`,
        ),
      );
  for (const rule of active) {
    if (rule.id === ignoreWithoutReason) continue;
    const verdict = rule.check(context);
    const messages =
      verdict === null || verdict === undefined ? [] : Array.isArray(verdict) ? verdict : [verdict];
    if (messages.length === 0) continue;
    const ignore = ignores.find(
      (directive) => directive.ruleIds.includes(rule.id) || directive.ruleIds.includes('all'),
    );
    if (ignore) {
      report.ignored.push({ ruleId: rule.id, line: statement.line, reason: ignore.reason });
      continue;
    }
    for (const message of messages) report.findings.push(finding(rule, path, statement, message));
  }
}

function ruleById(id: string): Rule {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

const excerptLines = 6;

function finding(rule: Rule, path: string, statement: Statement, message: string): Finding {
  const lines = statement.text.split('\n');
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message,
    path,
    line: statement.line,
    column: statement.column,
    statement:
      lines.length > excerptLines ? [...lines.slice(0, excerptLines), '…'].join('\n') : statement.text,
    why: rule.why,
    recipe: rule.recipe,
  };
}

/** The line where the transaction around statement `index` ends: its COMMIT/ROLLBACK, or the end of the file. */
function transactionEnd(statements: readonly Statement[], index: number, sql: string): number {
  const end = statements.slice(index + 1).find((statement) => !statement.inTransaction);
  return end ? end.line : sql.trimEnd().split('\n').length;
}

/** Marks each statement with whether it runs inside a transaction block. */
function inTransactionMarks(parsed: ParsedStatement[], wholeFile: boolean): Statement[] {
  let open = wholeFile;
  return parsed.map((statement, index) => {
    const node = statement.node;
    if ('TransactionStmt' in node) {
      const kind = node.TransactionStmt.kind;
      if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') open = true;
      // In a file its tool wraps, a COMMIT ends the tool's transaction too: what follows autocommits.
      if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') open = false;
    }
    return {
      index,
      node,
      text: statement.text,
      line: statement.line,
      column: statement.column,
      inTransaction: open,
    };
  });
}

/** What later statements need to know: tables created so far, timeouts set so far. */
function remember(
  node: Node,
  newTables: Set<string>,
  timeouts: { lockTimeout: boolean; statementTimeout: boolean },
): void {
  if ('CreateStmt' in node) newTables.add(tableName(node.CreateStmt.relation));
  if ('CreateTableAsStmt' in node) newTables.add(tableName(node.CreateTableAsStmt.into?.rel));
  if ('VariableSetStmt' in node) {
    const name = node.VariableSetStmt.name;
    const setting = node.VariableSetStmt.kind === 'VAR_SET_VALUE';
    if (name === 'lock_timeout') timeouts.lockTimeout = setting;
    if (name === 'statement_timeout') timeouts.statementTimeout = setting;
    if (node.VariableSetStmt.kind === 'VAR_RESET_ALL')
      Object.assign(timeouts, { lockTimeout: false, statementTimeout: false });
  }
}
