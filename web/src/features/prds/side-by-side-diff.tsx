import type { ResponseOf } from '../../api/client';
import { Empty } from '../../components/ui';

type Diff = ResponseOf<'/api/v1/projects/{projectId}/prd-reviews/{id}/diff', 'get'>;
type Line = Diff['lines'][number];

/** The old text on the left (removals marked), the new on the right (additions marked). */
export function SideBySideDiff(props: { diff: Diff }) {
  const changes = props.diff.lines;
  if (changes.every((change) => change.type === 'unchanged')) {
    return (
      <Empty>
        Revisions {props.diff.from} and {props.diff.to} have the same text.
      </Empty>
    );
  }
  return (
    <div className="diff">
      <RevisionText revision={props.diff.from} changes={changes} shown="removed" />
      <RevisionText revision={props.diff.to} changes={changes} shown="added" />
    </div>
  );
}

/** One side: the unchanged lines and the lines only this side has (`shown`), marked. */
function RevisionText(props: { revision: number; changes: Line[]; shown: 'added' | 'removed' }) {
  const Mark = props.shown === 'added' ? 'ins' : 'del';
  return (
    <section aria-label={`Revision ${props.revision}`}>
      <h3>Revision {props.revision}</h3>
      <pre>
        {props.changes.map((change, index) =>
          change.type !== 'unchanged' && change.type !== props.shown ? null : (
            // biome-ignore lint/suspicious/noArrayIndexKey: changes have no identity but their order
            <span key={index} className={change.type === props.shown ? props.shown : undefined}>
              {change.type === props.shown ? <Mark>{change.value}</Mark> : change.value}
            </span>
          ),
        )}
      </pre>
    </section>
  );
}
