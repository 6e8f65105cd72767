import { Link } from 'wouter';
import { LevelBadge } from './level-badge';
import { countsOf, gapsOf } from './levels';
import type { AreaScore } from './queries';

/** One area of the scorecard: its level, checks passing of total, and what the next level needs. */
export function AreaCard(props: { projectId: string; area: AreaScore }) {
  const { area } = props;
  const { passing, total } = countsOf(area);
  const headingId = `area-${area.slug}-heading`;
  return (
    <li>
      <article className={`area-card level-${area.level ?? 'na'}`} aria-labelledby={headingId}>
        <h3 id={headingId}>
          <Link href={`/projects/${props.projectId}/readiness/areas/${area.slug}`}>
            {area.number}. {area.title}
          </Link>
        </h3>
        <p className="area-score">
          <LevelBadge level={area.level} />{' '}
          <span className="counts">
            {passing} of {total} checks passing
          </span>
        </p>
        <Ladder area={area} />
      </article>
    </li>
  );
}

/** The rung above the area's level: the failing checks it still needs, by title. */
function Ladder(props: { area: AreaScore }) {
  const { area } = props;
  if (!area.applicable) return <p className="muted ladder">Not applicable: {area.notApplicableReason}</p>;
  if (!area.nextLevel) return <p className="muted ladder">Every level reached.</p>;
  const gaps = gapsOf(area);
  return (
    <div className="ladder">
      <p className="ladder-title">
        For {area.nextLevel}, {gaps.length === 1 ? '1 check needs' : `${gaps.length} checks need`} to pass:
      </p>
      <ul>
        {gaps.map((check) => (
          <li key={check.id}>{check.title}</li>
        ))}
      </ul>
    </div>
  );
}
