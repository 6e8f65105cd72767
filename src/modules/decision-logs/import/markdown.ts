import { parse as parseYaml } from 'yaml';

/** A file that cannot be imported, with the reason people see. */
export class ParseError extends Error {}

/** Splits `---` YAML front matter from the Markdown body. */
export function splitFrontMatter(text: string): { frontMatter?: Record<string, unknown>; body: string } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { body: text };
  let parsed: unknown;
  try {
    parsed = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new ParseError(`invalid YAML front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
    throw new ParseError('the YAML front matter is not a mapping of keys to values');
  }
  return { frontMatter: (parsed ?? {}) as Record<string, unknown>, body: text.slice(match[0].length) };
}

/** Removes HTML comments (templates are full of `<!-- optional -->`). */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '');
}

export interface Section {
  heading: string;
  level: number;
  /** The text up to the next heading of the same or a higher level, sub-sections included. */
  content: string;
}

/** The title line (`# …`), the text before the first `##`, and the `##` sections in order. */
export function splitDocument(body: string): { title?: string; preamble: string; sections: Section[] } {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let title: string | undefined;
  const preamble: string[] = [];
  const sections: Section[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  let fence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? null : /^(#{1,2})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading && heading[1] === '#' && title === undefined && !current) {
      title = heading[2];
    } else if (heading && heading[1] === '##') {
      if (current) sections.push({ heading: current.heading, level: 2, content: trimBlock(current.lines) });
      current = { heading: heading[2] ?? '', lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else if (title !== undefined) {
      preamble.push(line);
    }
  }
  if (current) sections.push({ heading: current.heading, level: 2, content: trimBlock(current.lines) });
  return { title, preamble: trimBlock(preamble), sections };
}

/** `### ` sub-sections of a section's content, and the text before the first one. */
export function splitSubsections(content: string): { lead: string; subsections: Section[] } {
  const lines = content.split('\n');
  const lead: string[] = [];
  const subsections: Section[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  let fence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? null : /^###\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      if (current)
        subsections.push({ heading: current.heading, level: 3, content: trimBlock(current.lines) });
      current = { heading: heading[1] ?? '', lines: [] };
    } else if (current) current.lines.push(line);
    else lead.push(line);
  }
  if (current) subsections.push({ heading: current.heading, level: 3, content: trimBlock(current.lines) });
  return { lead: trimBlock(lead), subsections };
}

/** Trims blank lines at both ends and trailing spaces. */
export function trimBlock(lines: string[] | string): string {
  const list = (typeof lines === 'string' ? lines.split('\n') : lines).map((line) =>
    line.replace(/\s+$/, ''),
  );
  return list.join('\n').trim();
}

/**
 * Separates a Markdown list from the prose around it: returns the items (continuation lines
 * joined) and the text that is not a list item.
 */
export function splitList(content: string): { items: string[]; prose: string } {
  const items: string[] = [];
  const prose: string[] = [];
  let inItem = false;
  for (const line of content.split('\n')) {
    const item = /^\s{0,3}[*+-]\s+(.*)$/.exec(line);
    if (item) {
      items.push((item[1] ?? '').trim());
      inItem = true;
    } else if (inItem && /^\s{2,}\S/.test(line)) {
      items[items.length - 1] = `${items[items.length - 1]} ${line.trim()}`;
    } else {
      inItem = false;
      prose.push(line);
    }
  }
  return { items: items.filter(Boolean), prose: trimBlock(prose) };
}

/** A heading's name for matching: lower case, without numbering, punctuation or template hints. */
export function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .replace(/^\d+(\.\d+)*\.?\s*/, '')
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A Markdown link `[text](href)` inside a line, if any. */
export function firstLink(text: string): { text: string; href: string } | undefined {
  const match = /\[([^\]]*)\]\(([^)\s]+)[^)]*\)/.exec(text);
  return match ? { text: match[1] ?? '', href: match[2] ?? '' } : undefined;
}

/** A list given as YAML list, or as a comma / space separated string. */
export function namesOf(value: unknown, separators: RegExp = /\s*,\s*|\s+and\s+/): string[] {
  if (Array.isArray(value)) return value.map((item) => String(item).trim()).filter(Boolean);
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  const text = String(value).trim();
  if (!text || /^\[.*\]$/.test(text) || /^\{.*\}$/.test(text)) return [];
  return text
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean);
}
