/**
 * PRD lint: what a reviewer would point out before reading closely. Pure: content and settings in,
 * problems out.
 */

export const defaultRequiredSections = [
  'Problem',
  'Goals',
  'Non-goals',
  'Requirements',
  'Success metrics',
  'Open questions',
];

/** Other headings accepted for a default section. */
const synonyms: Record<string, string[]> = {
  problem: ['problem statement'],
  'non goals': ['out of scope'],
  requirements: ['functional requirements'],
  'success metrics': ['success criteria', 'metrics'],
  'open questions': ['questions'],
};

export const vagueWords = [
  'fast',
  'quick',
  'quickly',
  'easy',
  'easily',
  'simple',
  'user-friendly',
  'intuitive',
  'seamless',
  'seamlessly',
  'robust',
  'scalable',
  'efficient',
  'flexible',
  'appropriate',
  'as needed',
  'and so on',
  'etc.',
];

export type LintRule =
  | 'missing_section'
  | 'vague_word'
  | 'missing_acceptance_criterion'
  | 'unresolved_comment'
  | 'needs_clarification';

export interface LintProblem {
  rule: LintRule;
  message: string;
  line: number | null;
}

export interface UnresolvedComment {
  id: string;
  body: string;
}

interface Heading {
  level: number;
  text: string;
  line: number;
}

const clarificationMarker = /\[NEEDS CLARIFICATION(?::\s*([^\]]*))?\]/g;
const acceptanceCriterion = /acceptance|\bAC:|\bgiven\b[\s\S]*\bwhen\b[\s\S]*\bthen\b/i;

function normalize(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(content: string): { text: string; line: number }[] {
  const result: { text: string; line: number }[] = [];
  let fenced = false;
  content.split('\n').forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return;
    }
    if (!fenced) result.push({ text, line: index + 1 });
  });
  return result;
}

function headingsOf(lines: { text: string; line: number }[]): Heading[] {
  const headings: Heading[] = [];
  for (const { text, line } of lines) {
    const match = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (match?.[1] && match[2] !== undefined) headings.push({ level: match[1].length, text: match[2], line });
  }
  return headings;
}

function matchesSection(heading: string, section: string): boolean {
  const name = normalize(section);
  const text = normalize(heading);
  return [name, ...(synonyms[name] ?? [])].some(
    (candidate) => text === candidate || text.startsWith(`${candidate} `),
  );
}

/** The requirement items (top-level list items of the Requirements section) with their lines. */
export function requirementItems(content: string): { text: string; line: number }[] {
  const lines = proseLines(content);
  const headings = headingsOf(lines);
  const section = headings.find((heading) => matchesSection(heading.text, 'Requirements'));
  if (!section) return [];
  const end = headings.find((heading) => heading.line > section.line && heading.level <= section.level);
  const items: { text: string; line: number }[] = [];
  for (const { text, line } of lines) {
    if (line <= section.line || (end && line >= end.line)) continue;
    const item = /^ {0,1}(?:[-*+]|\d+[.)])\s+(.*)$/.exec(text);
    if (item?.[1] !== undefined) items.push({ text: item[1], line });
    else if (items.length && /^\s+\S/.test(text)) {
      const last = items[items.length - 1];
      if (last) last.text += `\n${text.trim()}`;
    }
  }
  return items;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const vaguePatterns = vagueWords.map((word) => ({
  word,
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}-])${escapeRegExp(word)}${word.endsWith('.') ? '' : '(?![\\p{L}\\p{N}-])'}`,
    'iu',
  ),
}));

/** Lints a PRD's Markdown. */
export function lintPrd(
  content: string,
  options: { requiredSections?: string[] | null; unresolvedComments?: UnresolvedComment[] } = {},
): LintProblem[] {
  const problems: LintProblem[] = [];
  const lines = proseLines(content);
  const headings = headingsOf(lines);
  for (const section of options.requiredSections ?? defaultRequiredSections) {
    if (!headings.some((heading) => matchesSection(heading.text, section))) {
      problems.push({ rule: 'missing_section', message: `Missing section: ${section}`, line: null });
    }
  }
  for (const item of requirementItems(content)) {
    const vague = vaguePatterns.filter(({ pattern }) => pattern.test(item.text)).map(({ word }) => word);
    if (vague.length) {
      problems.push({
        rule: 'vague_word',
        message: `Vague wording in a requirement (${vague.map((word) => `"${word}"`).join(', ')}): say how much, how fast, for whom`,
        line: item.line,
      });
    }
    if (!acceptanceCriterion.test(item.text)) {
      problems.push({
        rule: 'missing_acceptance_criterion',
        message: `Requirement without an acceptance criterion: "${item.text.split('\n')[0]?.slice(0, 80)}"`,
        line: item.line,
      });
    }
  }
  for (const { text, line } of lines) {
    for (const match of text.matchAll(clarificationMarker)) {
      problems.push({
        rule: 'needs_clarification',
        message: `Open clarification: ${match[1]?.trim() || 'unspecified'}`,
        line,
      });
    }
  }
  for (const comment of options.unresolvedComments ?? []) {
    problems.push({
      rule: 'unresolved_comment',
      message: `Unresolved comment ${comment.id}: "${comment.body.slice(0, 80)}"`,
      line: null,
    });
  }
  return problems;
}
