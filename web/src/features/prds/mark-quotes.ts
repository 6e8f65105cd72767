/**
 * Wraps each quote's first occurrence in the rendered document's text in <mark>, so readers see
 * what the open threads are about. Works on text nodes only, so it never changes the markup itself.
 */
export function markQuotes(root: HTMLElement, quotes: string[]): void {
  for (const quote of quotes) {
    const wanted = quote.replace(/\s+/g, ' ').trim();
    if (!wanted) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const match = node.splitText(at);
      match.splitText(wanted.length);
      const mark = document.createElement('mark');
      match.replaceWith(mark);
      mark.append(match);
      break;
    }
  }
}
