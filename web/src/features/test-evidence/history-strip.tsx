import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Empty, Query } from '../../components/ui';
import { testHrefs } from './crumbs';
import { formatDuration, shortCommit } from './format';
import { useTestHistory } from './queries';

/** The test's result in its last runs, oldest to newest, each a link to that run's scenario. */
export function HistoryStrip(props: { projectId: string; historyId: string; currentRunId: string }) {
  const history = useTestHistory(props.projectId, props.historyId, 30);
  return (
    <Section id="test-history" title="History">
      <Query query={history} what="the test's history">
        {(page) => {
          if (page.data.length === 0) return <Empty>No other runs of this test.</Empty>;
          const entries = [...page.data].reverse();
          return (
            <>
              <ol className="test-history-strip" aria-label={`Last ${entries.length} runs, oldest first`}>
                {entries.map((entry) => {
                  const label = `${entry.runName}: ${entry.status}, ${formatDuration(entry.durationMs)}, ${entry.branch ?? 'no branch'} ${shortCommit(entry.commitSha)}, ${new Date(entry.createdAt).toLocaleString()}`;
                  const current = entry.runId === props.currentRunId;
                  return (
                    <li key={entry.runId}>
                      <Link
                        href={testHrefs.scenario(props.projectId, entry.runId, entry.scenarioId)}
                        className={`test-history-cell test-status-${entry.status}${current ? ' current' : ''}`}
                        aria-label={label}
                        aria-current={current ? 'page' : undefined}
                        title={label}
                      />
                    </li>
                  );
                })}
              </ol>
              <p className="muted">
                Passed in {page.data.filter((entry) => entry.status === 'passed').length} of the last{' '}
                {page.data.length} runs{page.nextCursor ? ' shown' : ''}.
              </p>
            </>
          );
        }}
      </Query>
    </Section>
  );
}
