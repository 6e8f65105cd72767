import { useState } from 'react';
import { TextField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf, splitList } from '../../components/forms';
import { Section } from '../../components/layout';
import { Empty, FormError, Query, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { useCan } from '../session/permissions';
import { type Prd, type PrdKey, usePrdApproval, usePrdReviews, useRequestReviews } from './queries';

/** Who must approve, who did (per revision), who asked for changes, and asking more reviewers. */
export function ReviewerPanel(props: { prd: Prd; prdKey: PrdKey }) {
  const nameOf = useNameOf();
  const approval = usePrdApproval(props.prdKey);
  const decisions = usePrdReviews(props.prdKey);
  const byRevision = new Map<number, NonNullable<typeof decisions.data>['data']>();
  for (const decision of decisions.data?.data ?? []) {
    byRevision.set(decision.revision, [...(byRevision.get(decision.revision) ?? []), decision]);
  }
  return (
    <Section id="reviewers" title="Reviewers" className="panel">
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
    </Section>
  );
}

function RequestReviewers(props: { prdKey: PrdKey }) {
  const canWrite = useCan('write');
  const [who, setWho] = useState('');
  const ask = useRequestReviews(props.prdKey);
  if (!canWrite) return null;
  const fields = fieldErrorsOf(ask.error);
  const submit = () => {
    ask.mutate(splitList(who), { onSuccess: () => setWho('') });
  };
  return (
    <Form onSubmit={submit} aria-label="Request reviews">
      <TextField
        label="Ask for review (emails)"
        name="reviewers"
        error={fieldError(fields, 'reviewers')}
        value={who}
        onChange={setWho}
        placeholder="alice@example.com, bob@example.com"
      />
      {fieldError(fields, 'reviewers') ? null : <FormError error={ask.error} />}
      <button type="submit" disabled={ask.isPending || !who.trim()}>
        Request review
      </button>
    </Form>
  );
}
