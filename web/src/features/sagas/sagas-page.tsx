import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, Status, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { ProjectCrumbs } from '../projects/project-crumbs';
import { useProjectChoices } from '../projects/queries';
import { sagaHrefs } from './crumbs';
import { statusLabels } from './format';
import { type SagaFilters, useSagas } from './queries';
import { type Saga, sagaStatuses } from './types';

const statusChoices = sagaStatuses.map((status) => ({ value: status, label: statusLabels[status] }));

/** Every saga of the workspace, newest first: `/sagas`. */
export function SagasPage() {
  return <SagaList />;
}

/** One project's sagas: `/projects/:projectId/sagas`. */
export function ProjectSagasPage() {
  const { projectId } = useParams<{ projectId: string }>();
  return <SagaList projectId={projectId} />;
}

function SagaList(props: { projectId?: string }) {
  const [filters, setFilters] = useState<SagaFilters>({
    type: '',
    status: '',
    projectId: props.projectId ?? '',
  });
  const sagas = useSagas(filters);
  const filtered = Boolean(filters.type || filters.status || (!props.projectId && filters.projectId));
  return (
    <Page crumbs={props.projectId ? <ProjectCrumbs projectId={props.projectId} /> : undefined}>
      <div className="title-row">
        <h1>Sagas</h1>
        {props.projectId ? (
          <div className="actions">
            <Link href={sagaHrefs.workflows(props.projectId)}>Release workflows</Link>
          </div>
        ) : null}
      </div>
      <p className="muted">
        Long operations that either finish or are undone: releases, imports, clean-ups. Each keeps its steps,
        attempts and what was undone.
      </p>
      <FilterBar label="Find sagas">
        <TextFilter
          label="Type"
          type="search"
          value={filters.type}
          onChange={(type) => setFilters({ ...filters, type })}
          placeholder="release…"
        />
        <SelectFilter
          label="Status"
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
          choices={statusChoices}
          any="Any status"
        />
        {props.projectId ? null : (
          <ProjectFilter
            value={filters.projectId}
            onChange={(projectId) => setFilters({ ...filters, projectId })}
          />
        )}
      </FilterBar>
      <CursorList
        list={sagas}
        what="sagas"
        empty={<Empty>{filtered ? 'No saga matches.' : 'No saga has run yet.'}</Empty>}
      >
        {(rows) => <SagaTable rows={rows} withProject={!props.projectId} />}
      </CursorList>
    </Page>
  );
}

function ProjectFilter(props: { value: string; onChange: (value: string) => void }) {
  const projects = useProjectChoices();
  const choices = (projects.data?.data ?? []).map((project) => ({ value: project.id, label: project.name }));
  return (
    <SelectFilter
      label="Project"
      value={props.value}
      onChange={props.onChange}
      choices={choices}
      any="Any project"
    />
  );
}

/** Where a saga stands: the step running or next (`2 of 3 · approve`), or that it was undone. */
function stepOf(saga: Saga): string {
  if (saga.currentStep < 0) return 'undone';
  const name = saga.stepNames[saga.currentStep];
  const at = `${Math.min(saga.currentStep + 1, saga.stepCount)} of ${saga.stepCount}`;
  return name && saga.status !== 'completed' ? `${at} · ${name}` : at;
}

function SagaTable(props: { rows: Saga[]; withProject: boolean }) {
  const nameOf = useNameOf();
  const projects = useProjectChoices();
  const projectName = (id: string | null) =>
    (id && projects.data?.data.find((project) => project.id === id)?.name) || '—';
  const columns = [
    'Saga',
    'Type',
    'Status',
    'Step',
    ...(props.withProject ? ['Project'] : []),
    'Started by',
    'Started',
  ];
  return (
    <ListTable columns={columns} caption="Sagas">
      {props.rows.map((saga) => (
        <tr key={saga.id}>
          <td>
            <Link href={sagaHrefs.saga(saga.id)}>{saga.title}</Link>
          </td>
          <td>
            <code>{saga.sagaType}</code>
          </td>
          <td>
            <Status value={saga.status} />
          </td>
          <td>{stepOf(saga)}</td>
          {props.withProject ? <td>{projectName(saga.projectId)}</td> : null}
          <td>{saga.startedBy ? nameOf(saga.startedBy) : 'Shipshape'}</td>
          <td>
            <When at={saga.startedAt ?? saga.createdAt} />
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
