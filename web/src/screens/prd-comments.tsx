import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { anchorFor } from '../anchors';
import { ApiError, call, type ResponseOf } from '../api/client';
import { fieldError, fieldErrorsOf } from '../components/forms';
import { Empty, Field, FormError, inputProps, Query, When } from '../components/ui';
import { useNameOf } from '../people';
import { type PrdKey, usePrdPart, useRefreshPrd } from './prd-api';

type Comment = ResponseOf<'/api/v1/projects/{projectId}/prd-reviews/{id}/comments', 'get'>['data'][number];

/** Writes a comment: on the selected text when there is a selection, else on the whole PRD. */
export function CommentComposer(props: {
  prdKey: PrdKey;
  revision: number;
  anchor: { quote: string; start: number; end: number } | null;
  /** The revision's Markdown, so a quote typed from the keyboard can be anchored too. */
  content?: string;
  parentId?: string;
  onDone?: () => void;
}) {
  const refresh = useRefreshPrd(props.prdKey);
  const [body, setBody] = useState('');
  const [typedQuote, setTypedQuote] = useState('');
  const add = useMutation({
    mutationFn: () => {
      const anchor =
        props.anchor ??
        (typedQuote.trim() && props.content !== undefined ? anchorFor(props.content, typedQuote) : null);
      if (!props.anchor && typedQuote.trim() && !anchor) {
        throw new ApiError(400, { errors: [{ path: 'quote', message: 'is not in the document' }] });
      }
      return call('post', '/api/v1/projects/{projectId}/prd-reviews/{id}/comments', {
        params: props.prdKey,
        body: {
          body,
          ...(props.parentId ? { parentId: props.parentId } : {}),
          ...(anchor ? { anchor, revision: props.revision } : {}),
        },
      });
    },
    onSuccess: () => {
      setBody('');
      setTypedQuote('');
      refresh();
      props.onDone?.();
    },
  });
  const fields = fieldErrorsOf(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const name = props.parentId ? `reply-${props.parentId}` : 'comment-body';
  const label = props.parentId
    ? 'Reply'
    : props.anchor
      ? 'Comment on the selected text'
      : 'Comment on the PRD';
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={label}>
      {props.anchor ? (
        <blockquote className="quote">
          “{props.anchor.quote}”{' '}
          <button type="button" onClick={props.onDone}>
            Clear selection
          </button>
        </blockquote>
      ) : props.parentId || props.content === undefined ? null : (
        <Field
          label="Quote from the document (optional)"
          name="comment-quote"
          error={fieldError(fields, 'quote')}
          hint="Or select text in the document to quote it"
        >
          <input
            {...inputProps('comment-quote', fieldError(fields, 'quote'))}
            value={typedQuote}
            onChange={(event) => setTypedQuote(event.target.value)}
          />
        </Field>
      )}
      <Field label={label} name={name} error={fieldError(fields, 'body') ?? fieldError(fields, 'anchor')}>
        <textarea
          {...inputProps(name, fieldError(fields, 'body'))}
          rows={props.parentId ? 2 : 3}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
      </Field>
      {fields.body || fields.quote || fields['anchor.quote'] ? null : <FormError error={add.error} />}
      <button type="submit" disabled={add.isPending}>
        {props.parentId ? 'Reply' : 'Add comment'}
      </button>
    </form>
  );
}

/** Threads in the order written: the anchored quote, replies, and resolve or reopen. */
export function CommentThreads(props: { prdKey: PrdKey }) {
  const comments = usePrdPart(props.prdKey, 'comments', () =>
    call('get', '/api/v1/projects/{projectId}/prd-reviews/{id}/comments', {
      params: props.prdKey,
      query: { limit: 200 },
    }),
  );
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
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
    </section>
  );
}

function Thread(props: { thread: Comment; replies: Comment[]; prdKey: PrdKey }) {
  const { thread } = props;
  const nameOf = useNameOf();
  const refresh = useRefreshPrd(props.prdKey);
  const [replying, setReplying] = useState(false);
  const toggle = useMutation({
    mutationFn: () =>
      call(
        'post',
        thread.resolvedAt
          ? '/api/v1/projects/{projectId}/prd-reviews/{id}/comments/{commentId}/reopen'
          : '/api/v1/projects/{projectId}/prd-reviews/{id}/comments/{commentId}/resolve',
        { params: { ...props.prdKey, commentId: thread.id } },
      ),
    onSuccess: refresh,
  });
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
