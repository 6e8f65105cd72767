import { baseName, readDate } from './common.ts';
import type { ParsedDecision } from './types.ts';

/** log4brains names files by date (`20240101-use-log4brains.md`); the date stands in when no Date line is given. */
export function datedFileName(file: string): string | undefined {
  return /^(\d{8})-/.exec(baseName(file))?.[1];
}

export function applyFileDate(file: string, decision: ParsedDecision): void {
  const dated = datedFileName(file);
  if (dated && !decision.decisionDate) decision.decisionDate = readDate(dated, decision);
}
