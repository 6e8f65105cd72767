import type { Node } from '@pgsql/types';

/** How bad a finding is: errors fail CI (exit 1), warnings are shown. */
export type Severity = 'error' | 'warning';

/** PostgreSQL's table-level lock modes, weakest first. */
export const lockModes = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;
export type LockMode = (typeof lockModes)[number];

/** What a lock stops other sessions from doing while it is held. */
export type Blocks = 'reads and writes' | 'writes' | 'schema changes and vacuum' | 'nothing';

/** The lock one statement takes on one existing table, and the work it does while holding it. */
export interface LockEffect {
  table: string;
  mode: LockMode;
  blocks: Blocks;
  /** The whole table is rewritten (time grows with its size, disk use doubles meanwhile). */
  rewrite: boolean;
  /** The whole table is read to check something (time grows with its size). */
  scan: boolean;
}

/** A migration file as the engine receives it: a path for messages and the SQL text. */
export interface MigrationSource {
  path: string;
  sql: string;
  /** Set when the tool that runs this file wraps it in a transaction (e.g. dbmate, Drizzle). */
  runsInTransaction?: boolean;
}

/** One SQL statement of a file, located in the original text. */
export interface Statement {
  /** Position in the file, from 0. */
  index: number;
  node: Node;
  /** The statement's text, without the comments before it. */
  text: string;
  /** 1-based line and column of the statement's first character. */
  line: number;
  column: number;
  /** Inside BEGIN … COMMIT (or a file the tool runs in one transaction). */
  inTransaction: boolean;
}

/** The configuration a lint runs with. */
export interface LintOptions {
  /** Target PostgreSQL major version (verdicts depend on it). Default 16. */
  pgVersion?: number;
  /** Rule ids switched off for the whole run. */
  disabledRules?: readonly string[];
  /** Treat every file as run inside one transaction, whatever it says. */
  assumeInTransaction?: boolean;
}

/** What a rule sees when it looks at one statement. */
export interface RuleContext {
  pgVersion: number;
  statement: Statement;
  /** Every statement of the file, in order, for rules that look back. */
  statements: readonly Statement[];
  /** Tables created earlier in the same file: changing a table nobody uses yet is safe. */
  isNewTable(name: string): boolean;
  /** Whether `SET lock_timeout` / `SET statement_timeout` ran earlier in the file. */
  timeoutsSet: { lockTimeout: boolean; statementTimeout: boolean };
  /** The tool running the file wraps all of it in one transaction. */
  fileInTransaction: boolean;
}

/** A rule's verdict on one statement: one message per problem found. */
export type RuleReport = string | string[] | null | undefined;

/** One rule of the catalogue. */
export interface Rule {
  /** Stable id (squawk's name where the concept is the same). */
  id: string;
  severity: Severity;
  title: string;
  /** Why the statement is unsafe for a running application. */
  why: string;
  /** How to do the same thing safely, step by step (Markdown). */
  recipe: string;
  /** The lock involved, in words (e.g. "ACCESS EXCLUSIVE on the table: blocks reads and writes"). */
  lock: string;
  /** How the PostgreSQL version changes the answer, when it does. */
  versions?: string;
  /** A statement the rule reports, and a near miss it must not report (both tested). */
  examples: { unsafe: string; safe: string };
  check(context: RuleContext): RuleReport;
}

/** One problem found in one statement. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  line: number;
  column: number;
  /** The statement, shortened to a few lines for reports. */
  statement: string;
  why: string;
  recipe: string;
}

/** A statement the engine read but could not judge (e.g. a DO block's procedural body). */
export interface Unanalysed {
  path: string;
  line: number;
  reason: string;
}

/** What the engine found about one statement: its locks, even when no rule fired. */
export interface StatementReport {
  line: number;
  kind: string;
  locks: LockEffect[];
  inTransaction: boolean;
  /**
   * Inside a transaction, locks are held until it ends: the line of that COMMIT (or the file's last
   * line when the tool commits at the end). Everything run before it lengthens the wait of others.
   */
  locksHeldUntilLine: number | null;
}

/** The result for one file. */
export interface FileReport {
  path: string;
  statements: StatementReport[];
  findings: Finding[];
  unanalysed: Unanalysed[];
  /** Findings switched off by a `shipshape-ignore` comment, with the reason given. */
  ignored: { ruleId: string; line: number; reason: string }[];
  /** Set when the file does not parse: the parser's message and where. */
  parseError: { message: string; line: number; column: number } | null;
}

/** The result of a lint run. */
export interface LintReport {
  pgVersion: number;
  files: FileReport[];
  summary: { files: number; statements: number; errors: number; warnings: number; parseErrors: number };
}
