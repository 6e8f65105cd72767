import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { FilterBar, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, When } from '../../components/ui';
import { shortCommit } from '../test-evidence/format';
import { FindingCrumbs, findingHrefs } from './crumbs';
import { countsLine } from './format';
import { useFindingSets } from './queries';

/** The SARIF runs uploaded to a project, newest first, with what each opened, saw again and closed. */
export function FindingSetsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const [filters, setFilters] = useState({ tool: '', stream: '' });
  const sets = useFindingSets(projectId, filters);
  return (
    <Page crumbs={<FindingCrumbs projectId={projectId} inFindings />}>
      <h1>Finding sets</h1>
      <FilterBar label="Find finding sets">
        <TextFilter label="Tool" value={filters.tool} onChange={(tool) => setFilters({ ...filters, tool })} />
        <TextFilter
          label="Stream"
          value={filters.stream}
          onChange={(stream) => setFilters({ ...filters, stream })}
        />
      </FilterBar>
      <CursorList
        list={sets}
        what="finding sets"
        empty={<Empty>No SARIF uploaded{filters.tool || filters.stream ? ' matches' : ' yet'}.</Empty>}
      >
        {(rows) => (
          <ListTable
            caption="Finding sets, newest first"
            columns={['Tool', 'Stream', 'Branch', 'Commit', 'Counts', 'When']}
          >
            {rows.map((set) => (
              <tr key={set.id}>
                <td>
                  <Link href={findingHrefs.set(projectId, set.id)}>
                    {set.tool}
                    {set.toolVersion ? ` ${set.toolVersion}` : ''}
                  </Link>
                </td>
                <td>{set.stream}</td>
                <td>{set.branch ?? '—'}</td>
                <td>{set.commitSha ? <code>{shortCommit(set.commitSha)}</code> : '—'}</td>
                <td>{countsLine(set.counts)}</td>
                <td>
                  <When at={set.createdAt} />
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </Page>
  );
}
