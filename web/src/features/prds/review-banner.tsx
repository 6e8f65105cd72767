import { useNameOf } from '../members/queries';
import { type Prd, type PrdKey, usePrdApproval } from './queries';

/** Names in a sentence: "Rita", "Rita and Sam", "Rita, Sam and Ann". */
function listed(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Where the review stands, in one line above the document, as the reviews of the current round
 * decide it: who asked for changes, else who approved, else who is still to review.
 */
export function ReviewBanner(props: { prd: Prd; prdKey: PrdKey }) {
  const nameOf = useNameOf();
  const approval = usePrdApproval(props.prdKey);
  const state = approval.data;
  if (!state) return null;
  const names = (ids: string[]) => listed(ids.map(nameOf));
  if (state.changesRequestedBy.length > 0) {
    return (
      <p className="prd-banner prd-banner-changes" role="status">
        Changes requested by {names(state.changesRequestedBy)}
      </p>
    );
  }
  if (state.approvals.length > 0) {
    const more = state.approvalsRequired - state.approvals.length;
    return (
      <p className="prd-banner prd-banner-approved" role="status">
        Approved by {names(state.approvals)}
        {more > 0 ? ` · ${more} more approval${more === 1 ? '' : 's'} needed` : ''}
      </p>
    );
  }
  if (props.prd.status === 'in_review' && state.pendingReviewers.length > 0) {
    return (
      <p className="prd-banner" role="status">
        Waiting for review by {names(state.pendingReviewers)}
      </p>
    );
  }
  return null;
}
