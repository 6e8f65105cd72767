import { useState } from 'react';
import { useParams } from 'wouter';
import { SelectFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Query, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { PrdCrumbs } from './prd-crumbs';
import { type PrdKey, usePrd, usePrdDiff, usePrdRevisions } from './queries';
import { SideBySideDiff } from './side-by-side-diff';

/** Revisions of a PRD and the diff between any two, split or unified. */
export function PrdHistory() {
  const key = useParams<{ projectId: string; id: string }>() as PrdKey;
  const nameOf = useNameOf();
  const prd = usePrd(key);
  const revisions = usePrdRevisions(key);
  const current = prd.data?.currentRevision ?? 1;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const fromRevision = from ?? Math.max(1, current - 1);
  const toRevision = to ?? current;
  const diff = usePrdDiff(key, fromRevision, toRevision, prd.data !== undefined);
  const numbers = Array.from({ length: current }, (_, index) => String(index + 1));
  return (
    <Page
      crumbs={
        <PrdCrumbs
          projectId={key.projectId}
          prd={prd.data ? { id: key.id, title: prd.data.title } : undefined}
        />
      }
    >
      <h1>Revisions</h1>
      <Query query={revisions} what="revisions">
        {(page) => (
          <ListTable columns={['Revision', 'Title', 'Author', 'Written', 'Approved']}>
            {page.data.map((revision) => (
              <tr key={revision.number}>
                <td>{revision.number}</td>
                <td>{revision.title}</td>
                <td>{nameOf(revision.authorId)}</td>
                <td>
                  <When at={revision.createdAt} />
                </td>
                <td>{revision.approvedBy ? `by ${nameOf(revision.approvedBy)}` : '—'}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </Query>
      <h2>Compare</h2>
      <div className="filters">
        <SelectFilter
          label="From revision"
          value={String(fromRevision)}
          onChange={(value) => setFrom(Number(value))}
          choices={numbers}
        />
        <SelectFilter
          label="To revision"
          value={String(toRevision)}
          onChange={(value) => setTo(Number(value))}
          choices={numbers}
        />
      </div>
      <Query query={diff} what="the diff">
        {(result) => <SideBySideDiff diff={result} />}
      </Query>
    </Page>
  );
}
