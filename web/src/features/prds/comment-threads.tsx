import { useState } from 'react';
import { Section } from '../../components/layout';
import { Empty, FormError, Query, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { CommentComposer } from './comment-composer';
import { type PrdComment, type PrdKey, usePrdComments, useToggleThread } from './queries';

/** Threads in the order written: the anchored quote, replies, and resolve or reopen. */
export function CommentThreads(props: { prdKey: PrdKey }) {
  const comments = usePrdComments(props.prdKey);
  return (
    <Section id="comments" title="Comments">
      <Query query={comments} what="comments">
        {(page) => {
          const threads = page.data.filter((comment) => !comment.parentId);
          if (threads.length === 0) return <Empty>No comments yet.</Empty>;
          return threads.map((thread) => (
            <Thread
              key={thread.id}
              thread={thread}
              replies={page.data.filter((comment) => comment.parentId === thread.id)}
              prdKey={props.prdKey}
            />
          ));
        }}
      </Query>
    </Section>
  );
}

function Thread(props: { thread: PrdComment; replies: PrdComment[]; prdKey: PrdKey }) {
  const { thread } = props;
  const nameOf = useNameOf();
  const [replying, setReplying] = useState(false);
  const toggle = useToggleThread(props.prdKey, thread);
  return (
    <article
      className={thread.resolvedAt ? 'comment resolved' : 'comment'}
      aria-label={`Comment by ${nameOf(thread.authorId)}`}
    >
      {thread.anchor ? (
        <blockquote>
          “{thread.anchor.quote}” {thread.outdated ? <span className="status">outdated</span> : null}
        </blockquote>
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
