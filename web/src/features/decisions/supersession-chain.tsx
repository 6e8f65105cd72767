import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Empty, Status } from '../../components/ui';
import { type Decision, useDecisionTimeline } from './queries';

/** Where this decision stands in its supersession chain, oldest first. */
export function SupersessionChain(props: { decision: Decision }) {
  const timeline = useDecisionTimeline();
  const entries = timeline.data?.data ?? [];
  const entry = entries.find((candidate) => candidate.id === props.decision.id);
  const chain = entry?.chain ?? [props.decision.id];
  return (
    <Section id="chain" title="Supersession chain">
      {chain.length <= 1 ? (
        <Empty>This decision neither supersedes nor is superseded by another.</Empty>
      ) : (
        <ol>
          {chain.map((id) => {
            const other = entries.find((candidate) => candidate.id === id);
            return (
              <li key={id}>
                {id === props.decision.id ? (
                  <strong>{other?.reference} (this decision)</strong>
                ) : (
                  <Link href={`/decisions/${id}`}>
                    {other?.reference} {other?.title}
                  </Link>
                )}{' '}
                {other ? <Status value={other.status} /> : null}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
