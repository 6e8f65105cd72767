import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { call, type ResponseOf } from '../api/client';
import { Empty, Query, When } from '../components/ui';
import { useNameOf } from '../people';
import { type PrdKey, usePrd } from './prd-api';

type Diff = ResponseOf<'/api/v1/projects/{projectId}/prd-reviews/{id}/diff', 'get'>;

/** Revisions of a PRD and a side-by-side diff between any two. */
export function PrdHistory() {
  const key = useParams<{ projectId: string; id: string }>() as PrdKey;
  const nameOf = useNameOf();
  const prd = usePrd(key);
  const revisions = useQuery({
    queryKey: ['prd', key.id, 'revisions'],
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/prd-reviews/{id}/revisions', {
        params: key,
        query: { limit: 200 },
      }),
  });
  const current = prd.data?.currentRevision ?? 1;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const fromRevision = from ?? Math.max(1, current - 1);
  const toRevision = to ?? current;
  const diff = useQuery({
    queryKey: ['prd', key.id, 'diff', fromRevision, toRevision],
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/prd-reviews/{id}/diff', {
        params: key,
        query: { from: fromRevision, to: toRevision },
      }),
    enabled: prd.data !== undefined,
  });
  const numbers = Array.from({ length: current }, (_, index) => index + 1);
  return (
    <main className="page">
      <p className="crumbs">
        <Link href={`/projects/${key.projectId}`}>Project</Link> ›{' '}
        <Link href={`/projects/${key.projectId}/prds/${key.id}`}>{prd.data?.title ?? 'PRD'}</Link>
      </p>
      <h1>Revisions</h1>
      <Query query={revisions} what="revisions">
        {(page) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">Title</th>
                <th scope="col">Author</th>
                <th scope="col">Written</th>
                <th scope="col">Approved</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        )}
      </Query>
      <h2>Compare</h2>
      <div className="filters">
        <label>
          From revision
          <select value={fromRevision} onChange={(event) => setFrom(Number(event.target.value))}>
            {numbers.map((number) => (
              <option key={number} value={number}>
                {number}
              </option>
            ))}
          </select>
        </label>
        <label>
          To revision
          <select value={toRevision} onChange={(event) => setTo(Number(event.target.value))}>
            {numbers.map((number) => (
              <option key={number} value={number}>
                {number}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Query query={diff} what="the diff">
        {(result) => <SideBySide diff={result} />}
      </Query>
    </main>
  );
}

/** The old text on the left (removals marked), the new on the right (additions marked). */
export function SideBySide(props: { diff: Diff }) {
  const changes = props.diff.lines;
  if (changes.every((change) => change.type === 'unchanged')) {
    return (
      <Empty>
        Revisions {props.diff.from} and {props.diff.to} have the same text.
      </Empty>
    );
  }
  return (
    <div className="diff">
      <section aria-label={`Revision ${props.diff.from}`}>
        <h3>Revision {props.diff.from}</h3>
        <pre>
          {changes.map((change, index) =>
            change.type === 'added' ? null : (
              // biome-ignore lint/suspicious/noArrayIndexKey: changes have no identity but their order
              <span key={index} className={change.type === 'removed' ? 'removed' : undefined}>
                {change.type === 'removed' ? <del>{change.value}</del> : change.value}
              </span>
            ),
          )}
        </pre>
      </section>
      <section aria-label={`Revision ${props.diff.to}`}>
        <h3>Revision {props.diff.to}</h3>
        <pre>
          {changes.map((change, index) =>
            change.type === 'removed' ? null : (
              // biome-ignore lint/suspicious/noArrayIndexKey: changes have no identity but their order
              <span key={index} className={change.type === 'added' ? 'added' : undefined}>
                {change.type === 'added' ? <ins>{change.value}</ins> : change.value}
              </span>
            ),
          )}
        </pre>
      </section>
    </div>
  );
}
