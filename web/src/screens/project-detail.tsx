import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { call } from '../api/client';
import { fieldError, fieldErrorsOf } from '../components/forms';
import { Empty, Field, FormError, inputProps, Query, Status, When } from '../components/ui';
import { ProjectForm } from './project-form';

const prdStatuses = ['', 'draft', 'in_review', 'changes_requested', 'approved', 'superseded', 'archived'];

/** One project: its details (edit, archive) and its PRDs by status. */
export function ProjectDetail() {
  const { id } = useParams<{ id: string }>();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const project = useQuery({
    queryKey: ['project', id],
    queryFn: () => call('get', '/api/v1/projects/{id}', { params: { id } }),
  });
  const archive = useMutation({
    mutationFn: (status: 'active' | 'archived') =>
      call('patch', '/api/v1/projects/{id}', {
        params: { id },
        body: { status },
        headers: { 'if-match': `"v${project.data?.version}"` },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['project', id] });
      void client.invalidateQueries({ queryKey: ['projects'] });
    },
  });
  return (
    <main className="page">
      <p className="crumbs">
        <Link href="/projects">Projects</Link>
      </p>
      <Query query={project} what="the project">
        {(p) => (
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
                <ProjectForm
                  project={p}
                  onDone={() => setEditing(false)}
                  onCancel={() => setEditing(false)}
                />
              </section>
            ) : (
              <>
                {p.description ? <p className="description">{p.description}</p> : null}
                {p.tags.length ? <p className="muted">Tags: {p.tags.join(', ')}</p> : null}
              </>
            )}
            <PrdList projectId={p.id} />
            <ProjectDecisions projectId={p.id} />
          </>
        )}
      </Query>
    </main>
  );
}

function PrdList(props: { projectId: string }) {
  const [status, setStatus] = useState('');
  const prds = useQuery({
    queryKey: ['prd-reviews', props.projectId, 'list', status],
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/prd-reviews', {
        params: { projectId: props.projectId },
        query: { 'filter[status]': status || undefined, sort: '-updatedAt', limit: 100 },
      }),
  });
  return (
    <section aria-labelledby="prds-heading">
      <div className="title-row">
        <h2 id="prds-heading">PRDs</h2>
        <label>
          Status{' '}
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            {prdStatuses.map((value) => (
              <option key={value} value={value}>
                {value ? value.replace(/_/g, ' ') : 'All'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <NewPrd projectId={props.projectId} />
      <Query query={prds} what="PRDs">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No PRDs{status ? ` with status ${status.replace(/_/g, ' ')}` : ''} yet.</Empty>
          ) : (
            <ul className="cards">
              {page.data.map((prd) => (
                <li key={prd.id}>
                  <Link href={`/projects/${props.projectId}/prds/${prd.id}`}>{prd.title}</Link>{' '}
                  <Status value={prd.status} /> <span className="muted">revision {prd.currentRevision}</span>{' '}
                  <When at={prd.updatedAt} />
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </section>
  );
}

function NewPrd(props: { projectId: string }) {
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const create = useMutation({
    mutationFn: () =>
      call('post', '/api/v1/projects/{projectId}/prd-reviews', {
        params: { projectId: props.projectId },
        body: { title, content: `# ${title}\n\n## Problem\n\n## Goals\n\n## Acceptance criteria\n\n- \n` },
      }),
    onSuccess: (prd) => {
      void client.invalidateQueries({ queryKey: ['prd-reviews', props.projectId] });
      navigate(`/projects/${props.projectId}/prds/${prd.id}/edit`);
    },
  });
  const fields = fieldErrorsOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="New PRD">
      <Field label="New PRD title" name="new-prd-title" error={fieldError(fields, 'title')}>
        <input
          {...inputProps('new-prd-title', fieldError(fields, 'title'))}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </Field>
      <button type="submit" className="primary" disabled={create.isPending}>
        Write PRD
      </button>
      {fields.title ? null : <FormError error={create.error} />}
    </form>
  );
}

/** The project's decisions, newest first, as part of its overview. */
function ProjectDecisions(props: { projectId: string }) {
  const decisions = useQuery({
    queryKey: ['decisions', 'project', props.projectId],
    queryFn: () =>
      call('get', '/api/v1/decision-logs', { query: { 'filter[project]': props.projectId, limit: 20 } }),
  });
  return (
    <section aria-labelledby="project-decisions-heading">
      <h2 id="project-decisions-heading">Decisions</h2>
      <Query query={decisions} what="decisions">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>
              No decisions for this project yet. <Link href="/decisions/new">Record one</Link>.
            </Empty>
          ) : (
            <ul className="cards">
              {page.data.map((decision) => (
                <li key={decision.id}>
                  <span className="muted">{decision.reference}</span>{' '}
                  <Link href={`/decisions/${decision.id}`}>{decision.title}</Link>{' '}
                  <Status value={decision.status} /> <span className="muted">{decision.decisionDate}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </section>
  );
}
