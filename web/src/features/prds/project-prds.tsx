import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { bindFields, TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { Empty, FormError, Query, Status, When } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useCreatePrd, usePrdList } from './queries';

const prdStatuses = ['', 'draft', 'in_review', 'changes_requested', 'approved', 'superseded', 'archived'];

/** A project's PRDs by status, and a form to start one; part of the project's page. */
export function ProjectPrds(props: { projectId: string }) {
  const [status, setStatus] = useState('');
  const prds = usePrdList(props.projectId, {
    'filter[status]': status || undefined,
    sort: '-updatedAt',
    limit: 100,
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
  const [values, set] = useValues({ title: '' });
  const create = useCreatePrd(props.projectId);
  const fields = fieldErrorsOf(create.error);
  const submit = () => {
    create.mutate(values.title, {
      onSuccess: (prd) => navigate(`/projects/${props.projectId}/prds/${prd.id}/edit`),
    });
  };
  const field = bindFields({ values, set, error: create.error, prefix: 'new-prd' });
  return (
    <Form className="inline-form" onSubmit={submit} aria-label="New PRD">
      <TextField label="New PRD title" {...field('title')} />
      <button type="submit" className="primary" disabled={create.isPending}>
        Write PRD
      </button>
      {fields.title ? null : <FormError error={create.error} />}
    </Form>
  );
}
