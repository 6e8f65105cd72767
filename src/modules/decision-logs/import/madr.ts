import { readDate, readFrontMatter, readHeaderLines, readSections, readStatus } from './common.ts';
import { namesOf, type Section } from './markdown.ts';
import type { ParsedDecision } from './types.ts';

/**
 * MADR 3 and 4 (YAML front matter: status, date, deciders / decision-makers, consulted, informed)
 * and MADR 2 (a `* Status: …`, `* Deciders: …`, `* Date: …` list under the title). The sections are
 * the same: Context and Problem Statement, Decision Drivers, Considered Options, Decision Outcome
 * (Consequences, Confirmation), Pros and Cons of the Options, More Information / Links.
 */
export function readMadr(
  frontMatter: Record<string, unknown> | undefined,
  preamble: string,
  sections: Section[],
  decision: ParsedDecision,
): void {
  if (frontMatter) readFrontMatter(frontMatter, decision);
  const { fields, rest } = readHeaderLines(preamble);
  if (fields.status) readStatus(fields.status, decision);
  if (fields.date) decision.decisionDate = readDate(fields.date, decision);
  const deciders = fields['decision-makers'] ?? fields.deciders;
  if (deciders) decision.deciders.push(...namesOf(deciders));
  if (fields.tags) decision.tags.push(...namesOf(fields.tags, /[\s,]+/));
  if (fields['technical-story']) {
    decision.moreInformation = `Technical story: ${fields['technical-story']}`;
  }
  if (rest) decision.moreInformation = [decision.moreInformation, rest].filter(Boolean).join('\n\n');
  if (!frontMatter?.status && !fields.status) decision.warnings.push('no status; taken as accepted');
  readSections(sections, decision);
}
