import { useEffect, useRef, useState } from 'react';
import { Query } from '../../components/ui';
import type { Anchor } from './anchors';
import { CommentComposer } from './comment-composer';
import { Conversation, Thread, type ThreadWithReplies, threadsOf } from './comment-threads';
import { DocumentText } from './document-text';
import { markQuotes } from './mark-quotes';
import { type Prd, type PrdKey, usePrdComments, usePrdHtml } from './queries';
import { useMarginAlignment } from './use-margin-alignment';

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
  const quotesKey = open.map(({ thread }) => `${thread.id}:${thread.anchor?.quote}`).join('\u0000');
  const [marked, setMarked] = useState<Set<string>>(new Set());
  // `open` is derived from the comments anew each render; quotesKey names all of it that matters here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: quotesKey stands for `open`
  useEffect(() => {
    if (!documentRef.current || !html.data) return;
    const quotes = open.map(({ thread }) => ({ threadId: thread.id, quote: thread.anchor?.quote ?? '' }));
    setMarked(markQuotes(documentRef.current, quotes));
  }, [html.data, quotesKey]);
  const [opened, setOpened] = useState<Opened | null>(null);
  useMarginAlignment(
    marginRef,
    documentRef,
    `${quotesKey}|${opened?.top}|${marked.size}|${html.data?.revision}`,
  );
  return (
    <div className="prd-review">
      <DocumentText
        prdKey={prdKey}
        content={prd.content}
        documentRef={documentRef}
        quotesKey={quotesKey}
        onComment={(anchor, top) => setOpened({ anchor, top })}
      />
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
        <MarginThreads threads={open} marked={marked} prdKey={prdKey} hint={!opened} />
      </section>
      <div className="prd-conversation">
        <CommentComposer prdKey={prdKey} revision={prd.currentRevision} content={prd.content} anchor={null} />
        <Query query={comments} what="comments">
          {() => <Conversation threads={all.filter((entry) => !open.includes(entry))} prdKey={prdKey} />}
        </Query>
      </div>
    </div>
  );
}

/** The open threads on quotes, in the document's order; a hint when there are none. */
function MarginThreads(props: {
  threads: ThreadWithReplies[];
  marked: Set<string>;
  prdKey: PrdKey;
  hint: boolean;
}) {
  if (props.threads.length === 0) {
    return props.hint ? (
      <p className="muted prd-margin-hint">Select text in the document to comment on it.</p>
    ) : null;
  }
  return props.threads.map(({ thread, replies }) => (
    <Thread
      key={thread.id}
      thread={thread}
      replies={replies}
      prdKey={props.prdKey}
      marked={props.marked.has(thread.id)}
    />
  ));
}
