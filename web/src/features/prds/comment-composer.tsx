import { useEffect, useState } from 'react';
import { TextAreaField, TextField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf } from '../../components/forms';
import { FormError } from '../../components/ui';
import type { Anchor } from './anchors';
import { type PrdKey, useAddComment } from './queries';

/** Writes a comment: on the selected text when there is a selection, else on the whole PRD. */
export function CommentComposer(props: {
  prdKey: PrdKey;
  revision: number;
  anchor: Anchor | null;
  /** The revision's Markdown, so a quote typed from the keyboard can be anchored too. */
  content?: string;
  parentId?: string;
  onDone?: () => void;
  /** The textarea's id, when two composers share the page. */
  name?: string;
  /** Where the composer sits beside the document (margin alignment), in pixels below its top. */
  alignOffset?: number;
  /** Focus the textarea when it appears (it opened on the reader's request). */
  focus?: boolean;
}) {
  const [body, setBody] = useState('');
  const [typedQuote, setTypedQuote] = useState('');
  const add = useAddComment(props.prdKey);
  const fields = fieldErrorsOf(add.error);
  const submit = () => {
    const { revision, parentId, anchor, content } = props;
    add.mutate(
      { body, revision, parentId, anchor, typedQuote, content },
      {
        onSuccess: () => {
          setBody('');
          setTypedQuote('');
          props.onDone?.();
        },
      },
    );
  };
  const name = props.name ?? (props.parentId ? `reply-${props.parentId}` : 'comment-body');
  useEffect(() => {
    if (props.focus) document.getElementById(name)?.focus();
  }, [props.focus, name]);
  const label = props.parentId
    ? 'Reply'
    : props.anchor
      ? 'Comment on the selected text'
      : 'Comment on the PRD';
  return (
    <Form className="panel" onSubmit={submit} aria-label={label} data-align-offset={props.alignOffset}>
      {props.anchor ? (
        <blockquote className="quote">
          “{props.anchor.quote}”{' '}
          <button type="button" onClick={props.onDone}>
            Clear selection
          </button>
        </blockquote>
      ) : props.parentId || props.content === undefined ? null : (
        <TextField
          label="Quote from the document (optional)"
          name="comment-quote"
          error={fieldError(fields, 'quote')}
          hint="Or select text in the document to quote it"
          value={typedQuote}
          onChange={setTypedQuote}
        />
      )}
      <TextAreaField
        label={label}
        name={name}
        error={fieldError(fields, 'body') ?? fieldError(fields, 'anchor')}
        rows={props.parentId ? 2 : 3}
        value={body}
        onChange={setBody}
      />
      {fields.body || fields.quote || fields['anchor.quote'] ? null : <FormError error={add.error} />}
      <button type="submit" disabled={add.isPending}>
        {props.parentId ? 'Reply' : props.anchor ? 'Add comment' : 'Add to the conversation'}
      </button>
    </Form>
  );
}
