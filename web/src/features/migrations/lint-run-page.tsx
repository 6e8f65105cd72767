import { useParams } from 'wouter';
import { Page } from '../../components/layout';
import { Query, When } from '../../components/ui';
import { MigrationCrumbs } from './crumbs';
import { LintReportView } from './lint-report-view';
import { useLintRun, useMigrationStrategies } from './queries';

/** One recorded lint run: when, which commit and strategy, and its report file by file. */
export function LintRunPage() {
  const { projectId, runId } = useParams<{ projectId: string; runId: string }>();
  const run = useLintRun(projectId, runId);
  const strategies = useMigrationStrategies(projectId);
  return (
    <Page crumbs={<MigrationCrumbs projectId={projectId} inMigrations />}>
      <Query query={run} what="the lint run">
        {(r) => (
          <>
            <h1>
              Lint run of <When at={r.createdAt} />
            </h1>
            <dl className="facts">
              <dt>Commit</dt>
              <dd>{r.commitSha ? <code>{r.commitSha}</code> : '—'}</dd>
              <dt>Strategy</dt>
              <dd>
                {r.strategyId
                  ? (strategies.data?.data.find((strategy) => strategy.id === r.strategyId)?.name ??
                    r.strategyId)
                  : '—'}
              </dd>
            </dl>
            <LintReportView report={r.report} level={2} idPrefix="run" />
          </>
        )}
      </Query>
    </Page>
  );
}
