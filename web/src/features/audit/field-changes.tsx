import { diffLines } from 'diff';
import type { AuditEvent } from './queries';

type Change = { before?: unknown; after?: unknown };

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1);
}

/** One field of an entity's state; long text is clamped. */
export function StateFact(props: { field: string; value: unknown }) {
  const text = show(props.value);
  return (
    <>
      <dt>{props.field}</dt>
      <dd className={text.length > 120 ? 'description clamp' : undefined}>
        {text.length > 600 ? `${text.slice(0, 600)}…` : text}
      </dd>
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
      {entries.map(([field, change]) => {
        const before = show(change.before);
        const after = show(change.after);
        const long = before.length > 80 || after.length > 80 || before.includes('\n') || after.includes('\n');
        return <FieldChange key={field} field={field} before={before} after={after} long={long} />;
      })}
    </dl>
  );
}

function FieldChange(props: { field: string; before: string; after: string; long: boolean }) {
  return (
    <>
      <dt>{props.field}</dt>
      <dd>
        {props.long ? (
          <pre className="diff-inline">
            {diffLines(props.before, props.after).map((part, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: diff parts have no identity but their order
              <span key={index} className={part.added ? 'added' : part.removed ? 'removed' : undefined}>
                {part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : part.value}
              </span>
            ))}
          </pre>
        ) : (
          <>
            <del>{props.before}</del> → <ins>{props.after}</ins>
          </>
        )}
      </dd>
    </>
  );
}
