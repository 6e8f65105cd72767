import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { Page } from '../../components/layout';
import { FormError, Query, Status } from '../../components/ui';
import { ProjectContracts } from '../contracts/project-contracts';
import { ProjectDecisions } from '../decisions/project-decisions';
import { ProjectDelivery } from '../delivery/project-delivery';
import { ProjectFindings } from '../findings/project-findings';
import { ProjectFlags } from '../flags/project-flags';
import { ProjectMigrations } from '../migrations/project-migrations';
import { ProjectPlan } from '../plan/project-plan';
import { ProjectPrds } from '../prds/project-prds';
import { ProjectReadinessSummary } from '../readiness/project-summary';
import { ProjectSagas } from '../sagas/project-sagas';
import { ProjectTasks } from '../tasks/project-tasks';
import { ProjectTests } from '../test-evidence/project-tests';
import { ProjectForm } from './project-form';
import { type Project, useProject, useSetProjectStatus } from './queries';

/** One project: its details (edit, archive), its PRDs by status, its decisions, migrations, API contracts, tasks, tests and findings. */
export function ProjectDetail() {
  const { id } = useParams<{ id: string }>();
  const project = useProject(id);
  return (
    <Page crumbs={<Link href="/projects">Projects</Link>}>
      <Query query={project} what="the project">
        {(p) => <ProjectOverview project={p} />}
      </Query>
    </Page>
  );
}

function ProjectOverview(props: { project: Project }) {
  const p = props.project;
  const [editing, setEditing] = useState(false);
  const archive = useSetProjectStatus(p);
  return (
    <>
      <div className="title-row">
        <h1>
          {p.name} <span className="muted">{p.key}</span> <Status value={p.status} />
        </h1>
        <div className="actions">
          <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            Edit
          </button>
          <button
            type="button"
            onClick={() => archive.mutate(p.status === 'archived' ? 'active' : 'archived')}
            disabled={archive.isPending}
          >
            {p.status === 'archived' ? 'Restore' : 'Archive'}
          </button>
          <Link href={`/audit/project/${p.id}`}>History</Link>
        </div>
      </div>
      <FormError error={archive.error} />
      {editing ? (
        <section className="panel" aria-label="Edit project">
          <ProjectForm project={p} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </section>
      ) : (
        <>
          {p.description ? <p className="description">{p.description}</p> : null}
          {p.tags.length ? <p className="muted">Tags: {p.tags.join(', ')}</p> : null}
        </>
      )}
      <ProjectReadinessSummary projectId={p.id} />
      <ProjectPrds projectId={p.id} />
      <ProjectDecisions projectId={p.id} />
      <ProjectMigrations projectId={p.id} />
      <ProjectContracts projectId={p.id} />
      <ProjectFlags projectId={p.id} />
      <ProjectTasks projectId={p.id} />
      <ProjectSagas projectId={p.id} />
      <ProjectTests projectId={p.id} />
      <ProjectDelivery projectId={p.id} />
      <ProjectFindings projectId={p.id} />
      <ProjectPlan projectId={p.id} />
    </>
  );
}
