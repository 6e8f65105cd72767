import type { Node, ParseResult as SyntaxTree } from '@pgsql/types';
import { hasSqlDetails, loadModule, parseSync } from 'libpg-query';

/** A statement as the parser found it, before the linter knows about transactions. */
export interface ParsedStatement {
  node: Node;
  text: string;
  /** Comments and blank space between the previous statement and this one (ignore directives live here). */
  leadingComments: string;
  line: number;
  column: number;
}

export type ParseResult =
  | { ok: true; statements: ParsedStatement[]; skippedLines: number[] }
  | { ok: false; message: string; line: number; column: number };

let loading: Promise<void> | undefined;

/** Loads PostgreSQL's parser (WebAssembly) once per process. */
export function loadParser(): Promise<void> {
  loading ??= loadModule();
  return loading;
}

/**
 * Parses a migration file with PostgreSQL's own parser. psql meta-commands (`\set`, `\connect`) are
 * not SQL: their lines are blanked, keeping every offset, and reported as skipped. In a dbmate file
 * only the `-- migrate:up` section is read. `loadParser()` must have resolved first.
 */
export function parseMigration(sql: string): ParseResult {
  const { text, skippedLines } = blankNonSql(sql);
  let tree: SyntaxTree;
  try {
    tree = parseSync(text);
  } catch (error) {
    if (!hasSqlDetails(error)) throw error;
    // The parser reports a 0-based character position.
    const { line, column } = lineAndColumn(text, error.sqlDetails?.cursorPosition ?? 0);
    return { ok: false, message: error.sqlDetails?.message ?? error.message, line, column };
  }
  const bytes = Buffer.from(text, 'utf8');
  const characterOffset = (byteOffset: number) => bytes.subarray(0, byteOffset).toString('utf8').length;
  let previousEnd = 0;
  const statements = (tree.stmts ?? []).flatMap((raw) => {
    // Locations are byte offsets; a statement at the very start has none, the last one no length.
    const startByte = raw.stmt_location ?? 0;
    const endByte = raw.stmt_len ? startByte + raw.stmt_len : bytes.length;
    // What lies between the previous statement and this one: its semicolon, blank space, comments.
    const between = bytes.subarray(previousEnd, startByte).toString('utf8');
    previousEnd = endByte;
    if (!raw.stmt) return [];
    const chunk = bytes.subarray(startByte, endByte).toString('utf8');
    const leading = leadingCommentLength(chunk);
    const { line, column } = lineAndColumn(text, characterOffset(startByte) + leading);
    return [
      {
        node: raw.stmt,
        text: chunk.slice(leading).trim(),
        leadingComments: between + chunk.slice(0, leading),
        line,
        column,
      },
    ];
  });
  return { ok: true, statements, skippedLines };
}

/** The length of the blank space and comments that open a chunk of SQL. */
function leadingCommentLength(chunk: string): number {
  let position = 0;
  while (position < chunk.length) {
    const rest = chunk.slice(position);
    const blank = /^\s+/.exec(rest);
    if (blank) {
      position += blank[0].length;
    } else if (rest.startsWith('--')) {
      const end = rest.indexOf('\n');
      position += end === -1 ? rest.length : end + 1;
    } else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/');
      position += end === -1 ? rest.length : end + 2;
    } else {
      break;
    }
  }
  return position;
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

const dbmateUp = /^--\s*migrate:up\b/;
const dbmateDown = /^--\s*migrate:down\b/;

/** Replaces what is not SQL with spaces of the same length, so offsets still point into the file. */
function blankNonSql(sql: string): { text: string; skippedLines: number[] } {
  const skippedLines: number[] = [];
  let inDownSection = false;
  const lines = sql.split('\n').map((line, index) => {
    const trimmed = line.trimStart();
    if (dbmateUp.test(trimmed)) inDownSection = false;
    if (dbmateDown.test(trimmed)) inDownSection = true;
    if (inDownSection) return blank(line);
    if (trimmed.startsWith('\\')) {
      skippedLines.push(index + 1);
      return blank(line);
    }
    return line;
  });
  return { text: lines.join('\n'), skippedLines };
}

function blank(line: string): string {
  return line.replace(/[^\r]/g, ' ');
}

/** Whether a dbmate file asks to run without a transaction (`-- migrate:up transaction:false`). */
export function dbmateTransactionSetting(sql: string): boolean | undefined {
  const header = /^--\s*migrate:up\b(.*)$/m.exec(sql);
  if (!header) return undefined;
  return !/transaction:\s*false/.test(header[1] ?? '');
}
