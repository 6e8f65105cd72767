import { type ChangeLevel, type ContractVersion, changeLevels } from './queries';

/** A change's level as a badge: ERR breaks clients, WARN may, INFO does not. */
export function LevelBadge(props: { level: ChangeLevel }) {
  return <span className={`status level-${props.level}`}>{props.level}</span>;
}

/** A version's changes against the one before, by level: `2 ERR 1 WARN 0 INFO`, or why there are none. */
export function ChangeCounts(props: { version: ContractVersion }) {
  const { version } = props;
  if (!version.previousVersionId) return <span className="muted">first version</span>;
  const total = changeLevels.reduce((sum, level) => sum + version.summary[level], 0);
  if (total === 0) return <span className="muted">no changes</span>;
  return (
    <span className="change-counts">
      {changeLevels.map((level) => (
        <span key={level} className={`status level-${level}${version.summary[level] === 0 ? ' none' : ''}`}>
          {version.summary[level]} {level}
        </span>
      ))}
    </span>
  );
}

const reviewLabels: Record<ContractVersion['review']['status'], string> = {
  'not-required': 'no review needed',
  pending: 'review pending',
  accepted: 'accepted',
  rejected: 'rejected',
};

/** Whether a version's breaking changes wait for a review, or how the review went. */
export function ReviewState(props: { review: ContractVersion['review'] }) {
  const { status } = props.review;
  return (
    <span className={`status status-${status === 'pending' ? 'in_review' : status}`}>
      {reviewLabels[status]}
    </span>
  );
}
