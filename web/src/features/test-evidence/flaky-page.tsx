import { useState } from 'react';
import { useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, When } from '../../components/ui';
import { TestCrumbs } from './crumbs';
import { formatRate } from './format';
import { useFlakyTests } from './queries';
import { ResultBadge } from './run-status';

/**
 * Tests whose result flipped between passing and failing over a branch's last runs, or that passed
 * only after retries, the most unstable first.
 */
export function FlakyTestsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const [branch, setBranch] = useState('');
  const [runs, setRuns] = useState('30');
  const flaky = useFlakyTests(projectId, { branch, runs: Number(runs) });
  return (
    <Page crumbs={<TestCrumbs projectId={projectId} inTests />}>
      <h1>Flaky tests</h1>
      <p className="muted">
        A flip is a change between passing and failing (failed or broken) from one run of a branch to the
        next; skipped results are left out. Without a branch, the branch of the latest run is used.
      </p>
      <FilterBar label="Flaky test settings">
        <TextFilter label="Branch" value={branch} onChange={setBranch} placeholder="main" />
        <SelectFilter
          label="Over the last"
          value={runs}
          onChange={setRuns}
          choices={['10', '30', '100', '500'].map((count) => ({ value: count, label: `${count} runs` }))}
        />
      </FilterBar>
      <CursorList list={flaky} what="flaky tests" empty={<Empty>No flaky tests over these runs.</Empty>}>
        {(rows) => (
          <ListTable
            caption="Flaky tests, highest flip rate first"
            columns={[
              'Test',
              'Flip rate',
              'Flips',
              'Retried passes',
              'First flip',
              'Last flip',
              'Last status',
            ]}
          >
            {rows.map((test) => (
              <tr key={test.historyId}>
                <td className="test-full-name">{test.fullName}</td>
                <td>{formatRate(test.flipRate)}</td>
                <td>
                  {test.flips} <span className="muted">in {test.runsConsidered} runs</span>
                </td>
                <td>{test.retriedPasses}</td>
                <td>
                  <When at={test.firstFlipAt} />
                </td>
                <td>
                  <When at={test.lastFlipAt} />
                </td>
                <td>{test.lastStatus ? <ResultBadge status={test.lastStatus} /> : '—'}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </Page>
  );
}
