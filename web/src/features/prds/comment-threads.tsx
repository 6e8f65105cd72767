import { useState } from 'react';
import { Section } from '../../components/layout';
import { Empty, FormError, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { CommentComposer } from './comment-composer';
import { quoteId, threadId } from './mark-quotes';
import { type PrdComment, type PrdKey, useToggleThread } from './queries';

/** A thread and its replies, keyed by the thread's id. */
export type ThreadWithReplies = { thread: PrdComment; replies: PrdComment[] };

/** Groups a page of comments into threads, in the order written. */
export function threadsOf(comments: PrdComment[]): ThreadWithReplies[] {
  return comments
    .filter((comment) => !comment.parentId)
    .map((thread) => ({ thread, replies: comments.filter((comment) => comment.parentId === thread.id) }));
}

/** Threads that are not in the margin: on the whole PRD, resolved, or on text that is gone. */
export function Conversation(props: { threads: ThreadWithReplies[]; prdKey: PrdKey }) {
  return (
    <Section id="comments" title="Conversation">
      {props.threads.length === 0 ? (
        <Empty>No comments on the whole PRD, and no resolved threads.</Empty>
      ) : (
        props.threads.map(({ thread, replies }) => (
          <Thread key={thread.id} thread={thread} replies={replies} prdKey={props.prdKey} />
        ))
      )}
    </Section>
  );
}

/** Moves focus to an element by id and brings it into view. */
export function focusById(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

/** One thread: the quote (linking back to it in the document when marked), replies, resolve or reopen. */
export function Thread(props: {
  thread: PrdComment;
  replies: PrdComment[];
  prdKey: PrdKey;
  /** Whether the quote is marked in the document, so the thread can link back to it. */
  marked?: boolean;
}) {
  const { thread } = props;
  const nameOf = useNameOf();
  const [replying, setReplying] = useState(false);
  const toggle = useToggleThread(props.prdKey, thread);
  return (
    <article
      id={threadId(thread.id)}
      tabIndex={-1}
      className={thread.resolvedAt ? 'comment resolved' : 'comment'}
      aria-label={`Comment by ${nameOf(thread.authorId)}`}
      data-align-to={props.marked ? quoteId(thread.id) : undefined}
    >
      {thread.anchor ? (
        <blockquote>
          “{thread.anchor.quote}” {thread.outdated ? <span className="status">outdated</span> : null}
        </blockquote>
      ) : null}
      {props.marked ? (
        <a
          className="prd-back-to-quote"
          href={`#${quoteId(thread.id)}`}
          onClick={(event) => {
            event.preventDefault();
            focusById(quoteId(thread.id));
          }}
        >
          Show in the document
        </a>
      ) : null}
      <p>
        <strong>{nameOf(thread.authorId)}</strong> <When at={thread.createdAt} /> · revision {thread.revision}
        {thread.resolvedAt ? <span className="status status-approved">resolved</span> : null}
      </p>
      <p className="description">{thread.body}</p>
      <div className="replies">
        {props.replies.map((reply) => (
          <div key={reply.id} className="comment">
            <p>
              <strong>{nameOf(reply.authorId)}</strong> <When at={reply.createdAt} />
            </p>
            <p className="description">{reply.body}</p>
          </div>
        ))}
      </div>
      <div className="actions">
        <button type="button" onClick={() => setReplying(!replying)} aria-expanded={replying}>
          Reply
        </button>
        <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
          {thread.resolvedAt ? 'Reopen' : 'Resolve'}
        </button>
      </div>
      <FormError error={toggle.error} />
      {replying ? (
        <CommentComposer
          prdKey={props.prdKey}
          revision={thread.revision}
          anchor={null}
          parentId={thread.id}
          onDone={() => setReplying(false)}
        />
      ) : null}
    </article>
  );
}
