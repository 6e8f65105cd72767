import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Empty, ErrorState, Loading, Query } from '../../components/ui';
import { LevelBadge, levelNames } from '../readiness/level-badge';
import { biggestGaps, byLevel, nextLevel } from './portfolio';
import { type ProjectScorecard, portfolioSize, useScorecards } from './queries';

/** Active projects by readiness level, lowest first, each with what keeps it from the next level. */
export function PortfolioSection() {
  const { query, rows, more } = useScorecards();
  const ready = rows.flatMap((row) =>
    row.scorecard.data
      ? [
          {
            project: row.project,
            scorecard: row.scorecard.data,
            name: row.project.name,
            level: row.scorecard.data.level,
          },
        ]
      : [],
  );
  const pending = rows.filter((row) => !row.scorecard.data);
  return (
    <Section id="portfolio" title="Readiness by project">
      <Query query={query} what="projects">
        {() =>
          rows.length === 0 ? (
            <Empty>
              No active projects yet. <Link href="/projects">Create one</Link> to see its readiness here.
            </Empty>
          ) : (
            <>
              <ul className="cards portfolio">
                {ready.sort(byLevel).map((row) => (
                  <ProjectReadiness key={row.project.id} project={row.project} scorecard={row.scorecard} />
                ))}
                {pending.map((row) => (
                  <li key={row.project.id}>
                    <Link href={`/projects/${row.project.id}/readiness`}>{row.project.name}</Link>
                    {row.scorecard.error ? (
                      <ErrorState error={row.scorecard.error} retry={() => row.scorecard.refetch()} />
                    ) : (
                      <Loading what="readiness" />
                    )}
                  </li>
                ))}
              </ul>
              {more > 0 ? (
                <p className="muted">
                  The {portfolioSize} most recently changed active projects are shown; {more} more are on{' '}
                  <Link href="/projects">Projects</Link>.
                </p>
              ) : null}
            </>
          )
        }
      </Query>
    </Section>
  );
}

function ProjectReadiness(props: { project: { id: string; name: string }; scorecard: ProjectScorecard }) {
  const { project, scorecard } = props;
  const target = nextLevel(scorecard.level);
  const gaps = biggestGaps(scorecard, 3);
  return (
    <li className="portfolio-project" aria-label={project.name}>
      <p className="portfolio-title">
        <Link href={`/projects/${project.id}/readiness`}>{project.name}</Link>{' '}
        <LevelBadge level={scorecard.level} />{' '}
        <span className="muted">
          {scorecard.passing} passing, {scorecard.failing} failing
        </span>
      </p>
      {target === null ? (
        <p className="muted">Every applicable area is at gold.</p>
      ) : gaps.length === 0 ? (
        <p className="muted">Nothing known keeps it from {levelNames[target]}.</p>
      ) : (
        <>
          <p className="muted">Biggest gaps to {levelNames[target]}:</p>
          <ul className="gaps">
            {gaps.map((gap) => (
              <li key={gap.id}>
                <Link href={`/projects/${project.id}/readiness/areas/${gap.area}`}>{gap.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
