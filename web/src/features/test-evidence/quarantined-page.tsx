import { Link, useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, When } from '../../components/ui';
import { TestCrumbs, testHrefs } from './crumbs';
import { useQuarantinedTests } from './queries';
import { ResultBadge } from './run-status';

/** Tests whose latest result is quarantined (a quarantine label or tag, or muted): known, and kept apart. */
export function QuarantinedTestsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const tests = useQuarantinedTests(projectId);
  return (
    <Page crumbs={<TestCrumbs projectId={projectId} inTests />}>
      <h1>Quarantined tests</h1>
      <p className="muted">
        Tests marked with a <code>quarantine</code> label or tag, or muted, in their latest run. Their
        failures still show in runs; flaky rankings list them separately from here.
      </p>
      <CursorList list={tests} what="quarantined tests" empty={<Empty>No quarantined tests.</Empty>}>
        {(rows) => (
          <ListTable caption="Quarantined tests" columns={['Test', 'Latest status', 'Latest run']}>
            {rows.map((test) => (
              <tr key={test.historyId}>
                <td className="test-full-name">
                  <Link href={testHrefs.scenario(projectId, test.runId, test.scenarioId)}>
                    {test.fullName}
                  </Link>
                </td>
                <td>
                  <ResultBadge status={test.status} />
                  {test.muted ? <span className="muted"> muted</span> : null}
                </td>
                <td>
                  <When at={test.runCreatedAt} />
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </Page>
  );
}
