import type { Change } from './queries';
import { RuleLink } from './rule-link';
import { LevelBadge } from './verdict';

/**
 * One change: the operation it concerns, what changed, the rule that reported it (linking to the
 * rule's entry), and the registered consumers it affects — or that none uses what changed.
 */
export function ChangeCard(props: { change: Change; ruleTitle: string | undefined; id: string }) {
  const { change } = props;
  const heading = `${props.id}-heading`;
  // The heading names the operation already: the message need not start with it again.
  const prefix = `${change.operation}: `;
  const message =
    change.operation && change.message.startsWith(prefix)
      ? change.message.slice(prefix.length)
      : change.message;
  return (
    <article className={`change level-${change.level}`} aria-labelledby={heading}>
      <h4 id={heading}>{change.operation ?? 'The whole API'}</h4>
      <p className="change-message">{message}</p>
      <p className="finding-meta">
        <LevelBadge level={change.level} /> {props.ruleTitle ? <span>{props.ruleTitle} </span> : null}
        <RuleLink ruleId={change.ruleId} />
        {change.field ? (
          <>
            {' '}
            · <code>{change.field}</code>
          </>
        ) : null}
      </p>
      <Affected change={change} />
    </article>
  );
}

/** The consumers a change affects; INFO changes affect nobody, so they say nothing. */
function Affected(props: { change: Change }) {
  const { change } = props;
  if (change.consumers.length > 0)
    return (
      <p className="affected">
        <strong>Affects: </strong>
        {change.consumers.map((consumer, index) => (
          <span key={consumer.id}>
            {index > 0 ? ', ' : ''}
            <span className="consumer-name">{consumer.name}</span>
          </span>
        ))}
      </p>
    );
  if (change.unused)
    return (
      <p className="affected">
        <span className="status status-unused">unused</span>{' '}
        <span className="muted">no registered consumer uses what changed</span>
      </p>
    );
  return null;
}
