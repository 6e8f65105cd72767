import { type DecisionStatus, impactLevels, relatedArtifactSchema } from '../contracts.ts';
import {
  firstLink,
  headingKey,
  namesOf,
  ParseError,
  type Section,
  splitList,
  splitSubsections,
  trimBlock,
} from './markdown.ts';
import type { ParsedDecision } from './types.ts';

const statusWords: Record<string, DecisionStatus> = {
  draft: 'draft',
  proposed: 'proposed',
  proposal: 'proposed',
  pending: 'proposed',
  'in review': 'proposed',
  accepted: 'accepted',
  approved: 'accepted',
  adopted: 'accepted',
  decided: 'accepted',
  rejected: 'rejected',
  declined: 'rejected',
  deprecated: 'deprecated',
  superseded: 'superseded',
};

/** Reads a status phrase ("Accepted", "superseded by [ADR-0005](0005-x.md)"); throws on an unknown one. */
export function readStatus(text: string, decision: ParsedDecision): void {
  const clean = text.replace(/[*_`]/g, '').trim();
  const lower = clean.toLowerCase();
  if (lower.startsWith('superseded')) {
    decision.status = 'superseded';
    const link = firstLink(clean);
    const after = /superseded\s+by\s*:?\s*(.+)$/i.exec(clean)?.[1]?.trim();
    const ref = link?.href || after;
    if (ref) decision.supersededByRef = ref;
    return;
  }
  const word = Object.keys(statusWords)
    .sort((a, b) => b.length - a.length)
    .find(
      (candidate) =>
        lower === candidate || lower.startsWith(`${candidate} `) || lower.startsWith(`${candidate},`),
    );
  const status = word ? statusWords[word] : undefined;
  if (!status) throw new ParseError(`unknown status "${clean.slice(0, 60)}"`);
  decision.status = status;
}

/** YYYY-MM-DD from a date text (a time part is dropped); undefined with a warning when unreadable. */
export function readDate(text: unknown, decision: ParsedDecision): string | undefined {
  const value = String(text ?? '').trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (match) {
    const iso = `${match[1]}-${match[2]}-${match[3]}`;
    if (
      !Number.isNaN(new Date(`${iso}T00:00:00Z`).getTime()) &&
      new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso)
    )
      return iso;
  }
  if (value) decision.warnings.push(`unreadable date "${value.slice(0, 40)}" ignored`);
  return undefined;
}

/** The title without its numbering (`1. Title`, `ADR-0003: Title`); the number is kept as the source number. */
export function readTitle(heading: string | undefined, decision: ParsedDecision): void {
  const text = heading?.trim();
  if (!text) throw new ParseError('no title: the file has no "# " heading');
  const numbered = /^(?:adr[-\s]?)?(\d{1,5})(?:\.|:|\s+-|\s+–)\s*(.+)$/i.exec(text);
  if (numbered) {
    decision.sourceNumber ??= Number(numbered[1]);
    decision.title = (numbered[2] ?? '').trim();
  } else {
    decision.title = text;
  }
  if (decision.title.length > 300) throw new ParseError('the title is longer than 300 characters');
}

/** `0003-use-postgres.md` → 3 (dated names such as `20240101-…` carry no number). */
export function numberFromFileName(file: string): number | undefined {
  const match = /^(\d{1,5})[-_. ]/.exec(baseName(file));
  return match ? Number(match[1]) : undefined;
}

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Header fields written as `* Status: accepted` lines (MADR 2, log4brains) or `Date: …` (Nygard). */
export function readHeaderLines(preamble: string): { fields: Record<string, string>; rest: string } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const line of preamble.split('\n').flatMap((text) => text.split(/\s+[·|]\s+/))) {
    const match =
      /^\s*(?:[*-]\s+)?(status|deciders|decision-makers|decision makers|date|tags|technical story|consulted|informed)\s*:\s*(.*)$/i.exec(
        line,
      );
    if (match) fields[(match[1] ?? '').toLowerCase().replace(' ', '-')] = (match[2] ?? '').trim();
    else rest.push(line);
  }
  return { fields, rest: trimBlock(rest) };
}

/** Takes "Good/Bad/Neutral, because …" list items out of a text; everything else stays in place. */
export function extractArguments(content: string) {
  const good: string[] = [];
  const bad: string[] = [];
  const neutral: string[] = [];
  const rest: string[] = [];
  let target: string[] | undefined;
  for (const line of content.split('\n')) {
    const item = /^\s{0,3}[*+-]\s+(good|bad|neutral|pro|con)\b[,:]?\s*(?:because\s+)?(.+)$/i.exec(line);
    if (item) {
      const kind = (item[1] ?? '').toLowerCase();
      target = kind === 'good' || kind === 'pro' ? good : kind === 'bad' || kind === 'con' ? bad : neutral;
      target.push((item[2] ?? '').trim());
    } else if (target && /^\s{2,}\S/.test(line)) {
      target[target.length - 1] = `${target[target.length - 1]} ${line.trim()}`;
    } else {
      target = undefined;
      rest.push(line);
    }
  }
  return { good, bad, neutral, rest: trimBlock(rest) };
}

function appendText(existing: string, addition: string): string {
  if (!addition) return existing;
  return existing ? `${existing}\n\n${addition}` : addition;
}

function readConsequences(content: string, decision: ParsedDecision): void {
  const { good, bad, neutral, rest } = extractArguments(content);
  decision.consequencesGood.push(...good);
  decision.consequencesBad.push(...bad);
  decision.consequences = appendText(
    decision.consequences,
    trimBlock([rest, ...neutral.map((item) => `* Neutral, because ${item}`)].filter(Boolean).join('\n\n')),
  );
}

function option(decision: ParsedDecision, title: string) {
  const clean = title.replace(/^\*\*(.*)\*\*$/, '$1').trim();
  let found = decision.consideredOptions.find(
    (candidate) => candidate.title.toLowerCase() === clean.toLowerCase(),
  );
  if (!found) {
    found = { title: clean.slice(0, 300), description: '', pros: [], neutral: [], cons: [] };
    decision.consideredOptions.push(found);
  }
  return found;
}

/** Reads a link line (`Supersedes [2. Use MySQL](0002-use-mysql.md)`); false when it is no supersession link. */
export function readSupersessionLine(line: string, decision: ParsedDecision): boolean {
  const match = /^\s*(?:[*-]\s+)?(superseded\s+by|supersedes)\s*:?\s*(.+)$/i.exec(line);
  if (!match) return false;
  const target = match[2] ?? '';
  const ref = firstLink(target)?.href || target.trim();
  if ((match[1] ?? '').toLowerCase().startsWith('superseded')) {
    decision.status = 'superseded';
    decision.supersededByRef = ref;
  } else decision.supersedesRefs.push(ref);
  return true;
}

/** Maps the `##` sections the ADR formats use onto the decision's fields; unknown ones go to moreInformation. */
export function readSections(sections: Section[], decision: ParsedDecision): void {
  for (const section of sections) {
    const key = headingKey(section.heading);
    const { content } = section;
    if (key === 'context' || key === 'context and problem statement' || key === 'problem statement') {
      decision.context = appendText(decision.context, content);
    } else if (key === 'decision drivers') {
      const { items, prose } = splitList(content);
      decision.decisionDrivers.push(...items);
      if (prose)
        decision.moreInformation = appendText(decision.moreInformation, `Decision drivers: ${prose}`);
    } else if (key === 'considered options') {
      const { items } = splitList(content);
      for (const item of items) option(decision, item);
    } else if (key === 'decision' || key === 'decision outcome') {
      const { lead, subsections } = splitSubsections(content);
      decision.decision = appendText(decision.decision, lead);
      for (const sub of subsections) readOutcomePart(sub, decision);
    } else if (
      [
        'consequences',
        'positive consequences',
        'negative consequences',
        'confirmation',
        'validation',
      ].includes(key)
    ) {
      readOutcomePart(section, decision);
    } else if (key === 'pros and cons of the options') {
      const { lead, subsections } = splitSubsections(content);
      if (lead) decision.moreInformation = appendText(decision.moreInformation, lead);
      for (const sub of subsections) {
        const found = option(decision, sub.heading);
        const { good, bad, neutral, rest } = extractArguments(sub.content);
        found.pros.push(...good);
        found.cons.push(...bad);
        found.neutral.push(...neutral);
        found.description = appendText(found.description, rest);
      }
    } else if (key === 'more information') {
      decision.moreInformation = appendText(decision.moreInformation, content);
    } else if (key === 'links') {
      const kept = content.split('\n').filter((line) => !readSupersessionLine(line, decision));
      const rest = trimBlock(kept);
      if (rest) decision.moreInformation = appendText(decision.moreInformation, `Links:\n\n${rest}`);
    } else if (key !== 'status') {
      decision.moreInformation = appendText(decision.moreInformation, `### ${section.heading}\n\n${content}`);
    }
  }
}

function readOutcomePart(section: Section, decision: ParsedDecision): void {
  const key = headingKey(section.heading);
  if (key === 'consequences') readConsequences(section.content, decision);
  else if (key === 'positive consequences') {
    const { items, prose } = splitList(section.content);
    decision.consequencesGood.push(...items.map((item) => item.replace(/^good,?\s*(because\s+)?/i, '')));
    decision.consequences = appendText(decision.consequences, prose);
  } else if (key === 'negative consequences') {
    const { items, prose } = splitList(section.content);
    decision.consequencesBad.push(...items.map((item) => item.replace(/^bad,?\s*(because\s+)?/i, '')));
    decision.consequences = appendText(decision.consequences, prose);
  } else if (key === 'confirmation' || key === 'validation') {
    decision.confirmation = appendText(decision.confirmation, section.content);
  } else {
    decision.decision = appendText(decision.decision, `### ${section.heading}\n\n${section.content}`);
  }
}

/** Shipshape's own front matter keys (written by the MADR export), and the common MADR ones. */
export function readFrontMatter(frontMatter: Record<string, unknown>, decision: ParsedDecision): void {
  const value = (key: string) => frontMatter[key];
  if (value('status') !== undefined && value('status') !== null)
    readStatus(String(value('status')), decision);
  if (value('date') !== undefined) decision.decisionDate = readDate(value('date'), decision);
  decision.deciders.push(...namesOf(value('decision-makers') ?? value('deciders')));
  decision.qa.push(...namesOf(value('involved-qa')));
  decision.tags.push(...namesOf(value('tags')));
  if (typeof value('decision-type') === 'string') decision.decisionType = String(value('decision-type'));
  if (value('sprint-release') !== undefined && value('sprint-release') !== null)
    decision.sprintRelease = String(value('sprint-release'));
  const level = value('impact-risk');
  if (level !== undefined && level !== null) {
    if (!impactLevels.includes(String(level) as never))
      throw new ParseError(`unknown impact-risk level "${String(level)}"`);
    decision.impactRisk = {
      level: String(level) as (typeof impactLevels)[number],
      text: String(value('impact-risk-notes') ?? ''),
    };
  }
  for (const ref of namesOf(value('supersedes'))) decision.supersedesRefs.push(ref);
  const artifacts = value('related-artifacts');
  if (Array.isArray(artifacts)) {
    artifacts.forEach((artifact, index) => {
      const parsed = relatedArtifactSchema.safeParse(artifact);
      if (parsed.success) decision.relatedArtifacts.push(parsed.data);
      else
        decision.warnings.push(
          `related-artifacts.${index} ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
    });
  }
}
