import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Empty, Query, When } from '../../components/ui';
import { useDecisionsProposedToMe } from './queries';

/** Decisions proposed with me as their owner, waiting for me to accept or reject them. */
export function DecisionsSection() {
  const decisions = useDecisionsProposedToMe();
  return (
    <Section id="proposed" title="Decisions proposed to me">
      <Query query={decisions} what="proposed decisions">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No proposed decision names you as its owner.</Empty>
          ) : (
            <ul className="cards">
              {page.data.map((decision) => (
                <li key={decision.id}>
                  <span className="muted">{decision.reference}</span>{' '}
                  <Link href={`/decisions/${decision.id}`}>{decision.title}</Link>{' '}
                  <span className="muted">proposed, updated</span> <When at={decision.updatedAt} />
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </Section>
  );
}
