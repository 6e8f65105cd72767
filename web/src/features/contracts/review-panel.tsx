import type { FormEvent } from 'react';
import { TextAreaField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf } from '../../components/forms';
import { Section } from '../../components/layout';
import { FormError, When } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useNameOf } from '../members/queries';
import { useCan } from '../session/permissions';
import { type ContractKey, type ContractVersion, useReviewVersion } from './queries';
import { ReviewState } from './verdict';

type Decision = 'accepted' | 'rejected';

/** Which of the form's two buttons sent it. */
function decisionOf(event: FormEvent<HTMLFormElement>): Decision | null {
  const submitter = (event.nativeEvent as SubmitEvent).submitter;
  const value = submitter instanceof HTMLButtonElement ? submitter.value : '';
  return value === 'accepted' || value === 'rejected' ? value : null;
}

/**
 * The review of a version's breaking (ERR) changes: who decided what, and why; or, while it waits,
 * the form to accept or reject them with a note, for the roles that review.
 */
export function ReviewPanel(props: { contractKey: ContractKey; version: ContractVersion }) {
  const { review } = props.version;
  const nameOf = useNameOf();
  const canReview = useCan('review');
  if (review.status === 'not-required') return null;
  return (
    <Section id="review" title="Review of the breaking changes">
      <p>
        <ReviewState review={review} />{' '}
        {review.status === 'pending' ? (
          <span className="muted">
            {props.version.summary.ERR} breaking{' '}
            {props.version.summary.ERR === 1 ? 'change waits' : 'changes wait'} for a decision.
          </span>
        ) : (
          <span>
            by {nameOf(review.reviewedBy)}, <When at={review.reviewedAt} />
          </span>
        )}
      </p>
      {review.note ? <blockquote className="review-note">{review.note}</blockquote> : null}
      {review.status === 'pending' && canReview ? (
        <ReviewForm contractKey={props.contractKey} version={props.version} />
      ) : null}
      {review.status === 'pending' && !canReview ? (
        <p className="muted">Owners, admins and reviewers decide on breaking changes.</p>
      ) : null}
    </Section>
  );
}

function ReviewForm(props: { contractKey: ContractKey; version: ContractVersion }) {
  const [values, set] = useValues({ note: '' });
  const review = useReviewVersion(props.contractKey, props.version.id);
  const errors = fieldErrorsOf(review.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const decision = decisionOf(event);
    if (!decision) return;
    const note = values.note.trim();
    review.mutate({ decision, version: props.version.version, ...(note ? { note } : {}) });
  };
  return (
    <Form onSubmit={submit} aria-label="Review the breaking changes">
      <TextAreaField
        label="Note"
        name="review-note"
        hint="Why: kept in the audit trail with the decision"
        rows={3}
        value={values.note}
        onChange={set('note')}
        error={fieldError(errors, 'note')}
      />
      {errors.note ? null : <FormError error={review.error} />}
      <div className="actions">
        <button
          type="submit"
          name="decision"
          value="accepted"
          className="primary"
          disabled={review.isPending}
        >
          Accept the breaking changes
        </button>
        <button type="submit" name="decision" value="rejected" className="danger" disabled={review.isPending}>
          Reject them
        </button>
      </div>
    </Form>
  );
}
