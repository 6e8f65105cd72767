import { Link } from 'wouter';
import { When } from '../../components/ui';
import { CheckActions } from './check-actions';
import { CheckStatus } from './level-badge';
import { type CheckOutcome, usePlanAreas } from './queries';

/** One check: its status, why it matters, the message, the rows at fault and what can be done. */
export function CheckItem(props: { projectId: string; areaSlug: string; check: CheckOutcome }) {
  const { check } = props;
  const titleId = `check-${check.id}`;
  return (
    <li>
      <article className={`readiness-check check-${check.status}`} aria-labelledby={titleId}>
        <h3 id={titleId}>{check.title}</h3>
        <p className="check-line">
          <CheckStatus status={check.status} /> <code className="muted">{check.id}</code>
        </p>
        <p className="why">{check.why}</p>
        {check.message ? <p className="message">{check.message}</p> : null}
        {check.waiver ? (
          <p className="muted">
            Waived until <When at={check.waiver.expiresAt} />: {check.waiver.reason}
          </p>
        ) : null}
        {check.disabledReason ? (
          <p className="muted">Disabled for the workspace: {check.disabledReason}</p>
        ) : null}
        {check.rows.length > 0 ? (
          <FaultyRows projectId={props.projectId} areaSlug={props.areaSlug} rows={check.rows} />
        ) : null}
        <CheckActions projectId={props.projectId} check={check} />
      </article>
    </li>
  );
}

/** The rows at fault, each linked to its row in the area's plan tables. */
function FaultyRows(props: { projectId: string; areaSlug: string; rows: CheckOutcome['rows'] }) {
  const areas = usePlanAreas();
  const tables = areas.data?.data.find((area) => area.slug === props.areaSlug)?.tables ?? [];
  // A check names a table as in the database (feature_flags); the plan's screens use its slug.
  const slugOf = (table: string) =>
    tables.find((candidate) => candidate.name === table || candidate.name.endsWith(`.${table}`))?.slug ??
    table.replace(/_/g, '-');
  const base = `/projects/${props.projectId}/plan/${props.areaSlug}`;
  return (
    <div className="faulty-rows">
      <p className="muted">Rows at fault:</p>
      <ul>
        {props.rows.map((row) => (
          <li key={`${row.table}-${row.id}`}>
            <Link
              href={`${base}?table=${encodeURIComponent(slugOf(row.table))}&row=${encodeURIComponent(row.id)}`}
            >
              {row.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
