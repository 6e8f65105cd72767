import { useState } from 'react';
import { Form, fieldError, fieldErrorsOf } from '../../components/forms';
import { Section } from '../../components/layout';
import { Empty, FormError, Query, When } from '../../components/ui';
import { MemberSearch } from '../members/member-search';
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
      <RequestReviewers prd={props.prd} prdKey={props.prdKey} />
    </Section>
  );
}

function RequestReviewers(props: { prd: Prd; prdKey: PrdKey }) {
  const canWrite = useCan('write');
  const [who, setWho] = useState<string[]>([]);
  const ask = useRequestReviews(props.prdKey);
  if (!canWrite) return null;
  const fields = fieldErrorsOf(ask.error);
  const submit = () => {
    ask.mutate(who, { onSuccess: () => setWho([]) });
  };
  return (
    <Form onSubmit={submit} aria-label="Request reviews">
      <MemberSearch label="Ask for review" value={who} onChange={setWho} exclude={[props.prd.authorId]} />
      {fieldError(fields, 'reviewers') ? (
        <p className="error" role="alert">
          {fieldError(fields, 'reviewers')}
        </p>
      ) : (
        <FormError error={ask.error} />
      )}
      <button type="submit" disabled={ask.isPending || who.length === 0}>
        Request review
      </button>
    </Form>
  );
}
