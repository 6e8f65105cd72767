import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call, type ResponseOf } from '../api/client';
import { fieldError, fieldErrorsOf } from '../components/forms';
import { Empty, Field, FormError, inputProps, Query, When } from '../components/ui';
import { useCan, useNameOf } from '../people';
import { type PrdKey, usePrdPart, useRefreshPrd } from './prd-api';

type Prd = ResponseOf<'/api/v1/projects/{projectId}/prd-reviews/{id}', 'get'>;

/** Who must approve, who did (per revision), who asked for changes, and asking more reviewers. */
export function ReviewerPanel(props: { prd: Prd; prdKey: PrdKey }) {
  const nameOf = useNameOf();
  const approval = usePrdPart(props.prdKey, 'approval', () =>
    call('get', '/api/v1/projects/{projectId}/prd-reviews/{id}/approval', { params: props.prdKey }),
  );
  const decisions = usePrdPart(props.prdKey, 'reviews', () =>
    call('get', '/api/v1/projects/{projectId}/prd-reviews/{id}/reviews', {
      params: props.prdKey,
      query: { limit: 200 },
    }),
  );
  const byRevision = new Map<number, NonNullable<typeof decisions.data>['data']>();
  for (const decision of decisions.data?.data ?? []) {
    byRevision.set(decision.revision, [...(byRevision.get(decision.revision) ?? []), decision]);
  }
  return (
    <section className="panel" aria-labelledby="reviewers-heading">
      <h2 id="reviewers-heading">Reviewers</h2>
      <Query query={approval} what="the approval state">
        {(state) => (
          <dl className="facts">
            <dt>Approvals</dt>
            <dd>
              {state.approvals.length} of {state.approvalsRequired} on revision {props.prd.currentRevision}
              {state.approvals.length ? `: ${state.approvals.map(nameOf).join(', ')}` : ''}
            </dd>
            <dt>Changes requested</dt>
            <dd>
              {state.changesRequestedBy.length ? state.changesRequestedBy.map(nameOf).join(', ') : 'none'}
            </dd>
            <dt>Waiting for</dt>
            <dd>
              {state.pendingReviewers.length ? state.pendingReviewers.map(nameOf).join(', ') : 'nobody'}
            </dd>
          </dl>
        )}
      </Query>
      <h3>Decisions by revision</h3>
      <Query query={decisions} what="review decisions">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No review decisions yet.</Empty>
          ) : (
            [...byRevision.entries()]
              .sort(([a], [b]) => b - a)
              .map(([revision, list]) => (
                <div key={revision}>
                  <h4>Revision {revision}</h4>
                  <ul className="activity">
                    {list.map((decision) => (
                      <li key={decision.id}>
                        {nameOf(decision.reviewerId)}: <strong>{decision.decision.replace(/_/g, ' ')}</strong>{' '}
                        <When at={decision.createdAt} />
                        {decision.comment ? <div className="muted">{decision.comment}</div> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ))
          )
        }
      </Query>
      <RequestReviewers prdKey={props.prdKey} />
    </section>
  );
}

function RequestReviewers(props: { prdKey: PrdKey }) {
  const canWrite = useCan('write');
  const refresh = useRefreshPrd(props.prdKey);
  const [who, setWho] = useState('');
  const ask = useMutation({
    mutationFn: () =>
      call('post', '/api/v1/projects/{projectId}/prd-reviews/{id}/review-requests', {
        params: props.prdKey,
        body: {
          reviewers: who
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean),
        },
      }),
    onSuccess: () => {
      setWho('');
      refresh();
    },
  });
  if (!canWrite) return null;
  const fields = fieldErrorsOf(ask.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Request reviews">
      <Field label="Ask for review (emails)" name="reviewers" error={fieldError(fields, 'reviewers')}>
        <input
          {...inputProps('reviewers', fieldError(fields, 'reviewers'))}
          value={who}
          onChange={(event) => setWho(event.target.value)}
          placeholder="alice@example.com, bob@example.com"
        />
      </Field>
      {fieldError(fields, 'reviewers') ? null : <FormError error={ask.error} />}
      <button type="submit" disabled={ask.isPending || !who.trim()}>
        Request review
      </button>
    </form>
  );
}

/** What lint finds in the current revision, beside the document. */
export function LintPanel(props: { prdKey: PrdKey }) {
  const lint = usePrdPart(props.prdKey, 'lint', () =>
    call('get', '/api/v1/projects/{projectId}/prd-reviews/{id}/lint', { params: props.prdKey }),
  );
  return (
    <section className="panel" aria-labelledby="lint-heading">
      <h2 id="lint-heading">Lint</h2>
      <Query query={lint} what="lint results">
        {(result) =>
          result.clean ? (
            <p className="status status-approved">Clean</p>
          ) : (
            <ul className="activity">
              {result.problems.map((problem) => (
                <li key={`${problem.rule}-${problem.line}-${problem.message}`}>
                  {problem.line ? <span className="muted">line {problem.line}: </span> : null}
                  {problem.message}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </section>
  );
}
