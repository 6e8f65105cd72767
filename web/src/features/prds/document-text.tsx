import { type KeyboardEvent, type MouseEvent, type RefObject, useMemo, useState } from 'react';
import { Query } from '../../components/ui';
import { type Anchor, anchorFor } from './anchors';
import { focusById } from './comment-threads';
import { demoteHeadings } from './demote-headings';
import { threadId } from './mark-quotes';
import { type PrdKey, usePrdHtml } from './queries';

/** Text selected in the document, and where the floating Comment button sits (pixels in the document). */
type Selected = { text: string; top: number; left: number };

/**
 * The rendered revision, its headings one level down, with a Comment button floating at any
 * selection. `onComment` gets the selection's anchor in the Markdown and its height in the document.
 */
export function DocumentText(props: {
  prdKey: PrdKey;
  content: string;
  documentRef: RefObject<HTMLElement | null>;
  /** Changes whenever the marked quotes do, so the marks are laid on a fresh copy. */
  quotesKey: string;
  onComment: (anchor: Anchor, top: number) => void;
}) {
  const html = usePrdHtml(props.prdKey);
  const rendered = useMemo(() => (html.data ? demoteHeadings(html.data.html) : ''), [html.data]);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [selectionError, setSelectionError] = useState<string | null>(null);
  const captureSelection = () => setSelected(selectionIn(props.documentRef.current));
  const comment = () => {
    if (!selected) return;
    const anchor = anchorFor(props.content, selected.text);
    setSelectionError(anchor ? null : 'That selection spans formatting; select text within one paragraph.');
    if (anchor) props.onComment(anchor, selected.top + 40);
    setSelected(null);
  };
  return (
    <section aria-label="Document" className="prd-document">
      <Query query={html} what="the document">
        {(page) => (
          // Quotes are marks the reader can focus: Enter (or a click) goes to the quote's thread.
          <article
            ref={props.documentRef}
            key={`${page.revision}-${props.quotesKey}`}
            className="document"
            onMouseUp={captureSelection}
            onKeyUp={(event) => {
              if (event.key === 'Escape') setSelected(null);
              else if (event.key !== 'Enter') captureSelection();
            }}
            onKeyDown={goToThread}
            onClick={goToThread}
            // The server sanitizes this HTML (it renders the Markdown itself).
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized server-side
            dangerouslySetInnerHTML={{ __html: rendered }}
          />
        )}
      </Query>
      {selected ? (
        <button
          type="button"
          className="prd-float-comment primary"
          style={{ top: selected.top, left: selected.left }}
          // Keep the selection while the button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onClick={comment}
        >
          Comment
        </button>
      ) : null}
      {selectionError ? (
        <p className="error" role="alert">
          {selectionError}
        </p>
      ) : null}
    </section>
  );
}

/** The text selected inside `root`, with where a button above its end goes; null when there is none. */
function selectionIn(root: HTMLElement | null): Selected | null {
  const selection = window.getSelection();
  const text = selection?.toString() ?? '';
  if (!root || !selection || selection.rangeCount === 0 || !text.trim()) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const box = range.getBoundingClientRect();
  const frame = root.getBoundingClientRect();
  return {
    text,
    top: Math.max(0, box.top - frame.top - 40),
    left: Math.min(Math.max(0, box.right - frame.left - 40), Math.max(0, frame.width - 100)),
  };
}

/** On a marked quote, Enter or a click moves focus to its thread in the margin. */
function goToThread(event: KeyboardEvent<HTMLElement> | MouseEvent<HTMLElement>): void {
  if ('key' in event && event.key !== 'Enter') return;
  const target =
    event.target instanceof Element ? event.target.closest<HTMLElement>('mark[data-thread]') : null;
  const id = target?.dataset.thread;
  if (!id) return;
  if (!('key' in event) && window.getSelection()?.toString()) return;
  event.preventDefault();
  focusById(threadId(id));
}
