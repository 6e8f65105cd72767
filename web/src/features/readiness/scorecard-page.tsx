import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { Page, Section } from '../../components/layout';
import { Query, When } from '../../components/ui';
import { AreaCard } from './area-card';
import { ReadinessCrumbs } from './crumbs';
import { LevelBadge } from './level-badge';
import { byReadiness } from './levels';
import { type AreaScore, type Scorecard, useScorecard } from './queries';
import { TrendChart } from './trend-chart';

type Order = 'level' | 'number';

/** A project's readiness: the overall level, its trend, and the 25 areas with what each level needs. */
export function ScorecardPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const scorecard = useScorecard(projectId);
  return (
    <Page crumbs={<ReadinessCrumbs projectId={projectId} />}>
      <Query query={scorecard} what="the scorecard">
        {(card) => <ScorecardView projectId={projectId} card={card} />}
      </Query>
    </Page>
  );
}

function ScorecardView(props: { projectId: string; card: Scorecard }) {
  const { card, projectId } = props;
  const [order, setOrder] = useState<Order>('level');
  const areas = sorted(card.areas, order);
  return (
    <>
      <div className="title-row">
        <h1>Readiness</h1>
        <div className="actions">
          <Link href={`/projects/${projectId}/readiness/waivers`}>Waivers</Link>
          <Link href={`/projects/${projectId}/plan`}>Plan</Link>
        </div>
      </div>
      <div className="readiness-head">
        <div>
          <p className="overall">
            <span>Overall level</span>
            <LevelBadge level={card.level} large />{' '}
            <span>
              {card.passing} of {card.passing + card.failing} checks passing · evaluated{' '}
              <When at={card.evaluatedAt} />
            </span>
          </p>
          <p className="muted">
            The overall level is the lowest level among the areas that apply. An area reaches a level when
            every check at that level and below passes, is waived or does not apply.
          </p>
        </div>
        <Section id="readiness-trend" title="Trend">
          <TrendChart projectId={projectId} title="Checks passing per day" />
        </Section>
      </div>
      <Section id="readiness-areas" title="Areas">
        <label className="inline-control">
          Sort by{' '}
          <select
            value={order}
            onChange={(event) => setOrder(event.target.value === 'number' ? 'number' : 'level')}
          >
            <option value="level">Level, least ready first</option>
            <option value="number">Area number</option>
          </select>
        </label>
        <ul className="area-grid" aria-label="Areas">
          {areas.map((area) => (
            <AreaCard key={area.slug} projectId={projectId} area={area} />
          ))}
        </ul>
      </Section>
    </>
  );
}

function sorted(areas: readonly AreaScore[], order: Order): AreaScore[] {
  return [...areas].sort(order === 'level' ? byReadiness : (a, b) => a.number - b.number);
}
