import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { LevelBadge } from './level-badge';
import { areasPerLevel, biggestGaps, gapsOf, levels } from './levels';
import { useScorecard } from './queries';

const checksShort = (count: number) => (count === 1 ? '1 check short' : `${count} checks short`);

/** The project's readiness at a glance on its page: the level, areas per level and the biggest gaps. */
export function ProjectReadinessSummary(props: { projectId: string }) {
  const scorecard = useScorecard(props.projectId);
  const base = `/projects/${props.projectId}/readiness`;
  return (
    <Section id="project-readiness" title="Readiness">
      <Query query={scorecard} what="the readiness">
        {(card) => {
          const counts = areasPerLevel(card.areas);
          const gaps = biggestGaps(card.areas, 3);
          const notApplicable = card.areas.filter((area) => !area.applicable).length;
          return (
            <div className="readiness-summary">
              <p>
                <LevelBadge level={card.level} large />{' '}
                <span className="muted">
                  Areas:{' '}
                  {[...levels]
                    .reverse()
                    .map((level) => `${counts[level]} ${level}`)
                    .join(' · ')}
                  {notApplicable > 0 ? ` · ${notApplicable} not applicable` : ''}
                </span>
              </p>
              {gaps.length > 0 ? (
                <>
                  <p>Biggest gaps, least ready first:</p>
                  <ul className="gaps">
                    {gaps.map((area) => (
                      <li key={area.slug}>
                        <Link href={`${base}/areas/${area.slug}`}>{area.title}</Link>{' '}
                        <LevelBadge level={area.level} />{' '}
                        <span className="muted">
                          {checksShort(gapsOf(area).length)} of {area.nextLevel}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="muted">Every applicable area is at gold.</p>
              )}
              <Link href={base}>See the scorecard</Link>
            </div>
          );
        }}
      </Query>
    </Section>
  );
}
