import { type KeyboardEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Query } from '../../components/ui';
import { type Anchor, anchorFor } from './anchors';
import { CommentComposer } from './comment-composer';
import { Conversation, focusById, Thread, threadsOf } from './comment-threads';
import { demoteHeadings, markQuotes, threadId } from './mark-quotes';
import { type Prd, type PrdKey, usePrdComments, usePrdHtml } from './queries';
import { useMarginAlignment } from './use-margin-alignment';

/** Text selected in the document, and where the floating Comment button sits (pixels in the document). */
type Selected = { text: string; top: number; left: number };
/** The selection a comment is being written on, and its height in the document. */
type Opened = { anchor: Anchor; top: number };

/**
 * The document with its open threads in the margin beside their quotes, a Comment button at any
 * selection, and below it the conversation: comments on the whole PRD and resolved threads.
 */
export function ReviewDocument(props: { prd: Prd; prdKey: PrdKey }) {
  const { prd, prdKey } = props;
  const html = usePrdHtml(prdKey);
  const comments = usePrdComments(prdKey);
  const documentRef = useRef<HTMLElement>(null);
  const marginRef = useRef<HTMLElement>(null);
  const all = threadsOf(comments.data?.data ?? []);
  const open = all
    .filter(({ thread }) => thread.anchor && !thread.resolvedAt && !thread.outdated)
    .sort((a, b) => (a.thread.anchor?.start ?? 0) - (b.thread.anchor?.start ?? 0));
  const rest = all.filter((entry) => !open.includes(entry));
  const quotesKey = open.map(({ thread }) => `${thread.id}:${thread.anchor?.quote}`).join('\u0000');
  const [marked, setMarked] = useState<Set<string>>(new Set());
  // `open` is derived from the comments anew each render; quotesKey names all of it that matters here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: quotesKey stands for `open`
  useEffect(() => {
    if (!documentRef.current || !html.data) return;
    const quotes = open.map(({ thread }) => ({ threadId: thread.id, quote: thread.anchor?.quote ?? '' }));
    setMarked(markQuotes(documentRef.current, quotes));
  }, [html.data, quotesKey]);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [selectionError, setSelectionError] = useState<string | null>(null);
  useMarginAlignment(
    marginRef,
    documentRef,
    `${quotesKey}|${opened?.top}|${marked.size}|${html.data?.revision}`,
  );
  const rendered = useMemo(() => (html.data ? demoteHeadings(html.data.html) : ''), [html.data]);

  const captureSelection = () => setSelected(selectionIn(documentRef.current));
  const openComposer = () => {
    if (!selected) return;
    const anchor = anchorFor(prd.content, selected.text);
    setSelectionError(anchor ? null : 'That selection spans formatting; select text within one paragraph.');
    setOpened(anchor ? { anchor, top: selected.top + 40 } : null);
    setSelected(null);
  };

  return (
    <div className="prd-review">
      <section aria-label="Document" className="prd-document">
        <Query query={html} what="the document">
          {(page) => (
            // Quotes are marks the reader can focus: Enter (or a click) goes to the quote's thread.
            <article
              ref={documentRef}
              key={`${page.revision}-${quotesKey}`}
              className="document"
              onMouseUp={captureSelection}
              onKeyUp={(event) => (event.key === 'Enter' ? undefined : captureSelection())}
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
            onClick={openComposer}
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
      <section
        id="threads"
        tabIndex={-1}
        aria-label="Threads on the text"
        className="prd-margin"
        ref={marginRef}
      >
        {opened ? (
          <CommentComposer
            prdKey={prdKey}
            revision={prd.currentRevision}
            anchor={opened.anchor}
            name="selection-comment-body"
            alignOffset={opened.top}
            focus
            onDone={() => setOpened(null)}
          />
        ) : null}
        {open.map(({ thread, replies }) => (
          <Thread
            key={thread.id}
            thread={thread}
            replies={replies}
            prdKey={prdKey}
            marked={marked.has(thread.id)}
          />
        ))}
        {open.length === 0 && !opened ? (
          <p className="muted prd-margin-hint">Select text in the document to comment on it.</p>
        ) : null}
      </section>
      <div className="prd-conversation">
        <CommentComposer prdKey={prdKey} revision={prd.currentRevision} content={prd.content} anchor={null} />
        <Query query={comments} what="comments">
          {() => <Conversation threads={rest} prdKey={prdKey} />}
        </Query>
      </div>
    </div>
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
