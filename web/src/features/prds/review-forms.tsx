import { useState } from 'react';
import { bindFields, SelectField, TextAreaField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { type Prd, type PrdKey, usePrdList, useReviewPrd, useSupersedePrd } from './queries';

export const actionLabels: Record<string, string> = {
  submit: 'Submit for review',
  withdraw: 'Withdraw',
  archive: 'Archive',
  approve: 'Approve',
  'request-changes': 'Request changes',
  supersede: 'Supersede',
};

/** Approves the current revision, or asks for changes, with a comment. */
export function ReviewForm(props: {
  verdict: 'approve' | 'request-changes';
  prd: Prd;
  prdKey: PrdKey;
  onDone: () => void;
}) {
  const [values, set] = useValues({ comment: '' });
  const send = useReviewPrd(props.prd, props.prdKey, props.verdict);
  const fields = fieldErrorsOf(send.error);
  const submit = () => {
    send.mutate(values.comment, { onSuccess: props.onDone });
  };
  const field = bindFields({ values, set, error: send.error, prefix: props.verdict });
  const approving = props.verdict === 'approve';
  return (
    <Form onSubmit={submit} aria-label={actionLabels[props.verdict]}>
      <TextAreaField
        label={approving ? 'Comment (optional)' : 'What must change'}
        rows={3}
        {...field('comment')}
      />
      {fields.comment ? null : <FormError error={send.error} />}
      <button type="submit" className="primary" disabled={send.isPending}>
        {approving ? 'Approve this revision' : 'Send change request'}
      </button>
    </Form>
  );
}

/** Marks the PRD as replaced by another of the same project. */
export function SupersedeForm(props: { prd: Prd; prdKey: PrdKey; onDone: () => void }) {
  const [replacement, setReplacement] = useState('');
  const others = usePrdList(props.prdKey.projectId, { limit: 100, sort: '-updatedAt' });
  const send = useSupersedePrd(props.prd, props.prdKey);
  const fields = fieldErrorsOf(send.error);
  const submit = () => {
    send.mutate(replacement, { onSuccess: props.onDone });
  };
  return (
    <Form onSubmit={submit} aria-label="Supersede">
      <SelectField
        label="Replaced by"
        name="superseded-by"
        error={fieldError(fields, 'supersededBy')}
        value={replacement}
        onChange={setReplacement}
        none="Choose a PRD…"
        choices={(others.data?.data ?? [])
          .filter((other) => other.id !== props.prd.id)
          .map((other) => ({ value: other.id, label: other.title }))}
      />
      {fields.supersededBy ? null : <FormError error={send.error} />}
      <button type="submit" className="primary" disabled={send.isPending || !replacement}>
        Supersede
      </button>
    </Form>
  );
}
