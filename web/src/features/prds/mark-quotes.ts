/** A thread's quote to mark in the rendered document. */
export type QuoteMark = { threadId: string; quote: string };

/** The id of a thread's quote in the document, and of the thread in the margin: each links to the other. */
export const quoteId = (threadId: string) => `quote-${threadId}`;
export const threadId = (id: string) => `thread-${id}`;

/**
 * Wraps each quote's first occurrence in the rendered document's text in a focusable <mark> that
 * names its thread, so readers see what the open threads are about and can jump to them. Works on
 * text nodes only, so it never changes the markup itself. Answers the threads whose quote it found.
 */
export function markQuotes(root: HTMLElement, quotes: QuoteMark[]): Set<string> {
  const marked = new Set<string>();
  for (const { threadId: id, quote } of quotes) {
    const wanted = quote.replace(/\s+/g, ' ').trim();
    if (!wanted) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const match = node.splitText(at);
      match.splitText(wanted.length);
      const mark = markFor(id);
      match.replaceWith(mark);
      mark.append(match);
      marked.add(id);
      break;
    }
  }
  return marked;
}

function markFor(id: string): HTMLElement {
  const mark = document.createElement('mark');
  mark.id = quoteId(id);
  mark.className = 'prd-quote';
  mark.tabIndex = 0;
  mark.dataset.thread = id;
  mark.title = 'Press Enter to go to the comment';
  return mark;
}
