import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { TestCrumbs, testHrefs } from './crumbs';
import { formatDuration, runStatuses, shortCommit } from './format';
import { type RunFilters, useTestRuns } from './queries';
import { RunStatus, TotalsLine } from './run-status';
import { TrendSection } from './trend-section';
import { UploadForm } from './upload-form';

/** A project's test runs: the trend of pass rate and duration, the runs newest first, and an upload. */
export function TestRunsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const canContribute = useCan('write');
  const [uploading, setUploading] = useState(false);
  const [filters, setFilters] = useState<RunFilters>({ branch: '', status: '', q: '' });
  const base = testHrefs.runs(projectId);
  return (
    <Page crumbs={<TestCrumbs projectId={projectId} />}>
      <div className="title-row">
        <h1>Test runs</h1>
        <div className="actions">
          <Link href={`${base}/flaky`}>Flaky tests</Link>
          <Link href={`${base}/quarantined`}>Quarantined tests</Link>
          {canContribute ? (
            <button
              type="button"
              className="primary"
              onClick={() => setUploading(!uploading)}
              aria-expanded={uploading}
            >
              Upload results
            </button>
          ) : null}
        </div>
      </div>
      {uploading ? (
        <section aria-label="Upload test results">
          <UploadForm projectId={projectId} onCancel={() => setUploading(false)} />
        </section>
      ) : null}
      <FilterBar label="Find test runs">
        <TextFilter
          label="Branch"
          value={filters.branch}
          onChange={(branch) => setFilters({ ...filters, branch })}
          placeholder="main"
        />
        <SelectFilter
          label="Status"
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
          choices={runStatuses}
          any="Any status"
        />
        <TextFilter
          label="Search runs"
          type="search"
          value={filters.q}
          onChange={(q) => setFilters({ ...filters, q })}
          placeholder="Name, branch, commit…"
        />
      </FilterBar>
      <TrendSection projectId={projectId} branch={filters.branch} />
      <RunsTable projectId={projectId} filters={filters} />
    </Page>
  );
}

function RunsTable(props: { projectId: string; filters: RunFilters }) {
  const runs = useTestRuns(props.projectId, props.filters);
  return (
    <section aria-labelledby="test-runs-heading">
      <h2 id="test-runs-heading">Runs</h2>
      <CursorList
        list={runs}
        what="test runs"
        empty={
          <Empty>
            No test runs{props.filters.branch || props.filters.status || props.filters.q ? ' match' : ' yet'}.
            Upload an allure-results archive or a JUnit report here, or run{' '}
            <code>shipshape tests upload</code> in CI.
          </Empty>
        }
      >
        {(rows) => (
          <ListTable
            caption="Test runs, newest first"
            columns={['Run', 'Branch', 'Commit', 'Status', 'Results', 'Duration', 'When']}
          >
            {rows.map((run) => (
              <tr key={run.id}>
                <td>
                  <Link href={testHrefs.run(props.projectId, run.id)}>{run.name}</Link>
                </td>
                <td>{run.branch ?? '—'}</td>
                <td>{run.commitSha ? <code>{shortCommit(run.commitSha)}</code> : '—'}</td>
                <td>
                  <RunStatus run={run} />
                </td>
                <td>
                  <TotalsLine run={run} />
                </td>
                <td>{formatDuration(run.durationMs)}</td>
                <td>
                  <When at={run.createdAt} />
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </section>
  );
}
