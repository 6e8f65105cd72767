import { baseName, numberFromFileName, readTitle } from './common.ts';
import { applyFileDate, datedFileName } from './log4brains.ts';
import { readMadr } from './madr.ts';
import { ParseError, splitDocument, splitFrontMatter, stripComments } from './markdown.ts';
import { readNygard } from './nygard.ts';
import { emptyDecision, type ImportFormat, type ParsedDecision } from './types.ts';

export type ParseOutcome =
  | { ok: true; decision: ParsedDecision }
  | { ok: false; file: string; reason: string };

/** Which ADR format a file is written in, from its shape. */
function detectFormat(
  file: string,
  frontMatter: Record<string, unknown> | undefined,
  preamble: string,
  headings: string[],
  title: string | undefined,
): ImportFormat | undefined {
  const lower = headings.map((heading) => heading.toLowerCase().trim());
  const madrSections = lower.some((heading) =>
    ['context and problem statement', 'decision outcome', 'considered options'].includes(heading),
  );
  if (frontMatter) {
    if ('decision-makers' in frontMatter || lower.includes('confirmation')) return 'madr4';
    return 'madr3';
  }
  const headerList = /^\s*[*-]\s+(status|deciders|date|tags)\s*:/im.test(preamble);
  if (headerList) {
    if (
      datedFileName(file) ||
      /^\s*[*-]\s+tags\s*:/im.test(preamble) ||
      /^\s*[*-]\s+status\s*:\s*draft/im.test(preamble)
    )
      return 'log4brains';
    return 'madr2';
  }
  const nygardHeader = /^\d+\.\s/.test(title ?? '') || /^date\s*:/im.test(preamble);
  const statusLine = /^\s*status\s*:/im.test(preamble.replace(/\s+[·|]\s+/g, '\n'));
  if (nygardHeader && (lower.includes('status') || statusLine)) return 'nygard';
  if (madrSections) return datedFileName(file) ? 'log4brains' : 'madr2';
  if (lower.includes('status') && lower.includes('context')) return 'nygard';
  return undefined;
}

/** Parses one ADR Markdown file of any supported format, or says why it cannot. */
export function parseDecisionFile(file: string, text: string): ParseOutcome {
  try {
    if (!text.trim()) throw new ParseError('the file is empty');
    const { frontMatter, body } = splitFrontMatter(text.replace(/^\uFEFF/, ''));
    const { title, preamble, sections } = splitDocument(stripComments(body));
    const format = detectFormat(
      file,
      frontMatter,
      preamble,
      sections.map((section) => section.heading),
      title,
    );
    if (!format) {
      throw new ParseError(
        'not an ADR in a known format (Nygard, MADR 2/3/4, log4brains): no Status or MADR sections found',
      );
    }
    const decision = emptyDecision(baseName(file), format);
    decision.sourceNumber = numberFromFileName(file);
    readTitle(title, decision);
    if (format === 'nygard') readNygard(preamble, sections, decision);
    else readMadr(frontMatter, preamble, sections, decision);
    applyFileDate(file, decision);
    if (!decision.context && !decision.decision) {
      throw new ParseError('neither a context nor a decision section was found');
    }
    return { ok: true, decision };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, file: baseName(file), reason: error.message };
    throw error;
  }
}
