import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { call, type ResponseOf } from '../api/client';
import { fieldError, fieldErrorsOf } from '../components/forms';
import { Field, FormError, inputProps } from '../components/ui';
import { useCan } from '../people';
import { type PrdKey, useRefreshPrd } from './prd-api';

type Prd = ResponseOf<'/api/v1/projects/{projectId}/prd-reviews/{id}', 'get'>;
const simpleActions = ['submit', 'withdraw', 'archive'] as const;
const labels: Record<string, string> = {
  submit: 'Submit for review',
  withdraw: 'Withdraw',
  archive: 'Archive',
  approve: 'Approve',
  'request-changes': 'Request changes',
  supersede: 'Supersede',
};

/** The workflow actions the PRD's status allows and the member's role may take, and nothing else. */
export function PrdActions(props: { prd: Prd; prdKey: PrdKey }) {
  const { prd, prdKey } = props;
  const canWrite = useCan('write');
  const canReview = useCan('review');
  const refresh = useRefreshPrd(prdKey);
  const [open, setOpen] = useState<'approve' | 'request-changes' | 'supersede' | null>(null);
  const act = useMutation({
    mutationFn: (action: (typeof simpleActions)[number]) =>
      call('post', `/api/v1/projects/{projectId}/prd-reviews/{id}/${action}`, {
        params: prdKey,
        body: { version: prd.version },
      }),
    onSuccess: refresh,
  });
  const allowed = prd.allowedActions.filter((action) =>
    action === 'approve' || action === 'request-changes' ? canReview : canWrite,
  );
  const editable = canWrite && prd.status !== 'superseded' && prd.status !== 'archived';
  return (
    <section className="panel" aria-label="Actions">
      <div className="actions">
        {editable ? (
          <Link className="button" href={`/projects/${prdKey.projectId}/prds/${prdKey.id}/edit`}>
            Edit
          </Link>
        ) : null}
        {allowed.map((action) =>
          (simpleActions as readonly string[]).includes(action) ? (
            <button
              key={action}
              type="button"
              className={action === 'submit' ? 'primary' : undefined}
              disabled={act.isPending}
              onClick={() => act.mutate(action as (typeof simpleActions)[number])}
            >
              {labels[action]}
            </button>
          ) : (
            <button
              key={action}
              type="button"
              aria-expanded={open === action}
              className={action === 'approve' ? 'primary' : undefined}
              onClick={() => setOpen(open === action ? null : (action as typeof open))}
            >
              {labels[action]}…
            </button>
          ),
        )}
        {allowed.length === 0 && !editable ? (
          <span className="muted">No actions available to you.</span>
        ) : null}
      </div>
      <FormError error={act.error} />
      {open === 'approve' || open === 'request-changes' ? (
        <ReviewForm
          key={open}
          action={open}
          prd={prd}
          prdKey={prdKey}
          onDone={() => {
            setOpen(null);
            refresh();
          }}
        />
      ) : null}
      {open === 'supersede' ? (
        <SupersedeForm
          prd={prd}
          prdKey={prdKey}
          onDone={() => {
            setOpen(null);
            refresh();
          }}
        />
      ) : null}
    </section>
  );
}

function ReviewForm(props: {
  action: 'approve' | 'request-changes';
  prd: Prd;
  prdKey: PrdKey;
  onDone: () => void;
}) {
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: () =>
      call('post', `/api/v1/projects/{projectId}/prd-reviews/{id}/${props.action}`, {
        params: props.prdKey,
        body: { comment: comment || undefined, version: props.prd.version } as { comment: string },
      }),
    onSuccess: props.onDone,
  });
  const fields = fieldErrorsOf(send.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const name = `${props.action}-comment`;
  return (
    <form onSubmit={submit} noValidate aria-label={labels[props.action]}>
      <Field
        label={props.action === 'approve' ? 'Comment (optional)' : 'What must change'}
        name={name}
        error={fieldError(fields, 'comment')}
      >
        <textarea
          {...inputProps(name, fieldError(fields, 'comment'))}
          rows={3}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </Field>
      {fields.comment ? null : <FormError error={send.error} />}
      <button type="submit" className="primary" disabled={send.isPending}>
        {props.action === 'approve' ? 'Approve this revision' : 'Send change request'}
      </button>
    </form>
  );
}

function SupersedeForm(props: { prd: Prd; prdKey: PrdKey; onDone: () => void }) {
  const [replacement, setReplacement] = useState('');
  const others = useQuery({
    queryKey: ['prd-reviews', props.prdKey.projectId, 'supersede-candidates'],
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/prd-reviews', {
        params: { projectId: props.prdKey.projectId },
        query: { limit: 100, sort: '-updatedAt' },
      }),
  });
  const send = useMutation({
    mutationFn: () =>
      call('post', '/api/v1/projects/{projectId}/prd-reviews/{id}/supersede', {
        params: props.prdKey,
        body: { supersededBy: replacement, version: props.prd.version },
      }),
    onSuccess: props.onDone,
  });
  const fields = fieldErrorsOf(send.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Supersede">
      <Field label="Replaced by" name="superseded-by" error={fieldError(fields, 'supersededBy')}>
        <select
          {...inputProps('superseded-by', fieldError(fields, 'supersededBy'))}
          value={replacement}
          onChange={(event) => setReplacement(event.target.value)}
        >
          <option value="">Choose a PRD…</option>
          {(others.data?.data ?? [])
            .filter((other) => other.id !== props.prd.id)
            .map((other) => (
              <option key={other.id} value={other.id}>
                {other.title}
              </option>
            ))}
        </select>
      </Field>
      {fields.supersededBy ? null : <FormError error={send.error} />}
      <button type="submit" className="primary" disabled={send.isPending || !replacement}>
        Supersede
      </button>
    </form>
  );
}
