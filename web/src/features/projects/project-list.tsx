import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, Status, When } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { ProjectForm } from './project-form';
import { useProjectList } from './queries';

const statusChoices = [
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
  { value: '', label: 'All' },
];

/** Projects: search, status filter, cursor pages, and a form to create one. */
export function ProjectList() {
  const [, navigate] = useLocation();
  const [filters, set] = useValues({ q: '', status: 'active', tag: '' });
  const [creating, setCreating] = useState(false);
  const projects = useProjectList(filters);
  return (
    <Page>
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
      <FilterBar>
        <TextFilter
          label="Search projects"
          type="search"
          value={filters.q}
          onChange={set('q')}
          placeholder="Name, key…"
        />
        <TextFilter label="Tag" value={filters.tag} onChange={set('tag')} />
        <SelectFilter
          label="Status"
          value={filters.status}
          onChange={set('status')}
          choices={statusChoices}
        />
      </FilterBar>
      <CursorList list={projects} what="projects" empty={<Empty>No projects match.</Empty>}>
        {(rows) => (
          <ListTable columns={['Name', 'Key', 'Status', 'Tags', 'Updated']}>
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
          </ListTable>
        )}
      </CursorList>
    </Page>
  );
}
