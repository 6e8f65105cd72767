import { diffLines } from 'diff';
import { AuditValue, hasIds, show } from './audit-value';
import { fieldLabel } from './labels';
import type { AuditEvent } from './queries';

type Change = { before?: unknown; after?: unknown };

/** One field of an entity's state, named in words, ids named; long text is clamped. */
export function StateFact(props: { field: string; value: unknown }) {
  const text = show(props.value);
  return (
    <>
      <dt title={props.field}>{fieldLabel(props.field)}</dt>
      {hasIds(props.value) ? (
        <dd>
          <AuditValue field={props.field} value={props.value} />
        </dd>
      ) : (
        <dd className={text.length > 120 ? 'description clamp' : undefined}>
          {text.length > 600 ? `${text.slice(0, 600)}…` : text}
        </dd>
      )}
    </>
  );
}

/** The fields an event changed, before and after; long text as a line diff. */
export function EventChanges(props: { event: AuditEvent }) {
  const changes = (props.event.eventData.changes ?? {}) as Record<string, Change>;
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  return (
    <dl className="facts">
      {entries.map(([field, change]) => (
        <FieldChange key={field} field={field} change={change} />
      ))}
    </dl>
  );
}

function FieldChange(props: { field: string; change: Change }) {
  const { field, change } = props;
  const before = show(change.before);
  const after = show(change.after);
  const long = before.length > 80 || after.length > 80 || before.includes('\n') || after.includes('\n');
  const named = hasIds(change.before) || hasIds(change.after);
  return (
    <>
      <dt title={field}>{fieldLabel(field)}</dt>
      <dd>
        {named ? (
          <>
            <del>
              <AuditValue field={field} value={change.before} />
            </del>{' '}
            →{' '}
            <ins>
              <AuditValue field={field} value={change.after} />
            </ins>
          </>
        ) : long ? (
          <pre className="diff-inline">
            {diffLines(before, after).map((part, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: diff parts have no identity but their order
              <span key={index} className={part.added ? 'added' : part.removed ? 'removed' : undefined}>
                {part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : part.value}
              </span>
            ))}
          </pre>
        ) : (
          <>
            <del>{before}</del> → <ins>{after}</ins>
          </>
        )}
      </dd>
    </>
  );
}
