import { readDate, readHeaderLines, readSections, readStatus, readSupersessionLine } from './common.ts';
import { type Section, trimBlock } from './markdown.ts';
import type { ParsedDecision } from './types.ts';

/**
 * Nygard's format as adr-tools writes it: `# 1. Title`, a `Date:` line, `## Status` holding the
 * status word and "Supersedes / Superseded by [N. Title](000N-title.md)" lines, then Context,
 * Decision and Consequences.
 */
export function readNygard(preamble: string, sections: Section[], decision: ParsedDecision): void {
  const { fields, rest } = readHeaderLines(preamble);
  if (fields.date) decision.decisionDate = readDate(fields.date, decision);
  if (rest) decision.moreInformation = rest;
  const status = sections.find((section) => /^status$/i.test(section.heading.trim()));
  if (fields.status) readStatus(fields.status, decision);
  else if (status) {
    const notes: string[] = [];
    let statusRead = false;
    for (const line of status.content.split('\n')) {
      if (!line.trim() || readSupersessionLine(line, decision)) continue;
      if (!statusRead) {
        const superseded = decision.status === 'superseded';
        readStatus(line, decision);
        if (superseded) decision.status = 'superseded';
        statusRead = true;
      } else notes.push(line);
    }
    if (!statusRead && decision.status !== 'superseded')
      decision.warnings.push('empty status; taken as accepted');
    if (notes.length)
      decision.moreInformation = [decision.moreInformation, `Status notes:\n\n${trimBlock(notes)}`]
        .filter(Boolean)
        .join('\n\n');
  } else decision.warnings.push('no status; taken as accepted');
  readSections(sections, decision);
}
