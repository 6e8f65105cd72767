import { useEffect } from 'react';
import { Link, useParams } from 'wouter';
import { Page, Section } from '../../components/layout';
import { Empty, Query } from '../../components/ui';
import { CheckItem } from './check-item';
import { ReadinessCrumbs } from './crumbs';
import { LevelBadge } from './level-badge';
import { checkLevels, checksOf, countsOf } from './levels';
import { NotApplicableControl } from './not-applicable-form';
import { type AreaScore, useScorecard } from './queries';
import { TrendChart } from './trend-chart';

/** One area's checks by level, with what is wrong and where, and the actions that change its level. */
export function AreaPage() {
  const { projectId, area: slug } = useParams<{ projectId: string; area: string }>();
  const scorecard = useScorecard(projectId);
  // The grid is long: an area opened from its bottom starts at the top, not where the grid was.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  return (
    <Page crumbs={<ReadinessCrumbs projectId={projectId} inScorecard />}>
      <Query query={scorecard} what="the area">
        {(card) => {
          const area = card.areas.find((candidate) => candidate.slug === slug);
          if (!area) return <Empty>There is no area “{slug}”.</Empty>;
          return <AreaView projectId={projectId} area={area} />;
        }}
      </Query>
    </Page>
  );
}

function AreaView(props: { projectId: string; area: AreaScore }) {
  const { projectId, area } = props;
  const { passing, total } = countsOf(area);
  const checks = checksOf(area);
  return (
    <>
      <div className="title-row">
        <h1>
          {area.number}. {area.title}
        </h1>
        <div className="actions">
          <Link href={`/projects/${projectId}/plan/${area.slug}`}>Plan tables of this area</Link>
        </div>
      </div>
      <p className="overall">
        <span>Area level</span>
        <LevelBadge level={area.level} large />{' '}
        <span>
          {passing} of {total} checks passing
          {area.nextLevel ? ` · next: ${area.nextLevel}` : ''}
        </span>
      </p>
      <NotApplicableControl projectId={projectId} area={area} />
      {checkLevels.map((level) => {
        const atLevel = checks.filter((check) => check.level === level);
        if (atLevel.length === 0) return null;
        return (
          <Section key={level} id={`checks-${level}`} title={<LevelTitle level={level} />}>
            <ul className="check-list">
              {atLevel.map((check) => (
                <CheckItem key={check.id} projectId={projectId} areaSlug={area.slug} check={check} />
              ))}
            </ul>
          </Section>
        );
      })}
      <Section id="area-trend" title="Trend">
        <TrendChart
          projectId={projectId}
          area={area.slug}
          title={`Checks passing per day in ${area.title}`}
        />
      </Section>
    </>
  );
}

function LevelTitle(props: { level: (typeof checkLevels)[number] }) {
  return (
    <>
      <span className="capitalised">{props.level}</span> checks
    </>
  );
}
