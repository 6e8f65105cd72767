/** Small Markdown helpers: text from contracts is untrusted and may hold backticks, pipes or HTML. */

/** Inline code that survives backticks and pipes in the text. */
export function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  const padded = text.includes('`') ? ` ${text} ` : text;
  return `${ticks}${padded.replaceAll('|', '\\|')}${ticks}`;
}

/** Text on one line (a heading, a list item): no line breaks, no raw HTML. */
export function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replaceAll('<', '&lt;');
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fence(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${text}\n${ticks}`;
}

/** `1 change`, `3 changes`. */
export function count(value: number, noun: string, plural = `${noun}s`): string {
  return `${value} ${value === 1 ? noun : plural}`;
}
