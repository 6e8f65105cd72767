/** Where a comment points in the Markdown source: the quoted text and its offsets. */
export type Anchor = { quote: string; start: number; end: number };

/**
 * Finds a quote selected in the rendered document within the Markdown source: exactly, or with
 * any run of whitespace standing for any other (rendering joins lines). The anchor must quote the
 * source exactly, so it answers the source's text.
 */
export function anchorFor(content: string, selected: string): Anchor | null {
  const wanted = selected.trim();
  if (!wanted) return null;
  const exact = content.indexOf(wanted);
  if (exact >= 0) return { quote: wanted, start: exact, end: exact + wanted.length };
  const pattern = wanted
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const match = new RegExp(pattern).exec(content);
  if (!match) return null;
  return { quote: match[0], start: match.index, end: match.index + match[0].length };
}
