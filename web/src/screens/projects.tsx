import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { call } from '../api/client';
import { Empty, Query, Status, When } from '../components/ui';
import { ProjectForm } from './project-form';

/** Projects: search, status filter, cursor pages, and a form to create one. */
export function ProjectList() {
  const [, navigate] = useLocation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('active');
  const [tag, setTag] = useState('');
  const [creating, setCreating] = useState(false);
  const projects = useInfiniteQuery({
    queryKey: ['projects', 'list', q, status, tag],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call('get', '/api/v1/projects', {
        query: {
          q: q || undefined,
          'filter[status]': status || undefined,
          'filter[tags][contains]': tag.trim() || undefined,
          cursor: pageParam,
          limit: 25,
        },
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  return (
    <main className="page">
      <div className="title-row">
        <h1>Projects</h1>
        <button
          type="button"
          className="primary"
          onClick={() => setCreating(!creating)}
          aria-expanded={creating}
        >
          New project
        </button>
      </div>
      {creating ? (
        <section className="panel" aria-label="New project">
          <ProjectForm onDone={(id) => navigate(`/projects/${id}`)} onCancel={() => setCreating(false)} />
        </section>
      ) : null}
      <search className="filters">
        <label>
          Search projects
          <input
            type="search"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            placeholder="Name, key…"
          />
        </label>
        <label>
          Tag
          <input value={tag} onChange={(event) => setTag(event.target.value)} />
        </label>
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="active">Active</option>
            <option value="archived">Archived</option>
            <option value="">All</option>
          </select>
        </label>
      </search>
      <Query query={projects} what="projects">
        {(data) => {
          const rows = data.pages.flatMap((page) => page.data);
          if (rows.length === 0) return <Empty>No projects match.</Empty>;
          return (
            <>
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Key</th>
                    <th scope="col">Status</th>
                    <th scope="col">Tags</th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((project) => (
                    <tr key={project.id}>
                      <td>
                        <Link href={`/projects/${project.id}`}>{project.name}</Link>
                      </td>
                      <td>{project.key}</td>
                      <td>
                        <Status value={project.status} />
                      </td>
                      <td>{project.tags.join(', ')}</td>
                      <td>
                        <When at={project.updatedAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {projects.hasNextPage ? (
                <button
                  type="button"
                  onClick={() => projects.fetchNextPage()}
                  disabled={projects.isFetchingNextPage}
                >
                  Load more
                </button>
              ) : null}
            </>
          );
        }}
      </Query>
    </main>
  );
}
