import { Link } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, When } from '../../components/ui';
import { useLintRuns, useMigrationStrategies } from './queries';

/** The project's latest lint runs: when, which commit, how many files, errors and warnings, and for which strategy. */
export function LintRunsSection(props: { projectId: string }) {
  const runs = useLintRuns(props.projectId);
  const strategies = useMigrationStrategies(props.projectId);
  const strategyName = (id: string | null) =>
    id ? (strategies.data?.data.find((strategy) => strategy.id === id)?.name ?? 'a strategy') : '—';
  return (
    <Section id="lint-runs" title="Lint runs">
      <CursorList
        list={runs}
        what="lint runs"
        empty={
          <Empty>
            No lint runs yet. <Link href={`/projects/${props.projectId}/migrations/check`}>Check SQL</Link>{' '}
            and record it, or post to <code>…/migrations/lint-runs</code> from CI.
          </Empty>
        }
      >
        {(rows) => (
          <ListTable
            stacked
            caption="Lint runs, newest first"
            columns={['Run', 'Commit', 'Files', 'Errors', 'Warnings', 'Strategy']}
          >
            {rows.map((run) => (
              <tr key={run.id}>
                <td data-label="Run">
                  <Link href={`/projects/${props.projectId}/migrations/runs/${run.id}`}>
                    <When at={run.createdAt} />
                  </Link>
                </td>
                <td data-label="Commit">{run.commitSha ? <code>{run.commitSha.slice(0, 12)}</code> : '—'}</td>
                <td data-label="Files">{run.files}</td>
                <td data-label="Errors" className={run.errors > 0 ? 'error' : undefined}>
                  {run.errors}
                  {run.parseErrors > 0 ? (
                    <span className="muted"> (+{run.parseErrors} not parsed)</span>
                  ) : null}
                </td>
                <td data-label="Warnings">{run.warnings}</td>
                <td data-label="Strategy">{strategyName(run.strategyId)}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </Section>
  );
}
