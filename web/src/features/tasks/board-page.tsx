import { useState } from 'react';
import { useParams } from 'wouter';
import { LoadMore } from '../../components/cursor-list';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { Empty, Query } from '../../components/ui';
import { useMembers } from '../members/queries';
import { useCan } from '../session/permissions';
import { useMe } from '../session/queries';
import { TaskCrumbs } from './crumbs';
import { boardColumns, sourceLabels } from './format';
import { type TaskFilters, useTasks } from './queries';
import { TaskCard } from './task-card';
import { GenerateForm, NewTaskForm } from './task-forms';
import { type Task, taskSourceKinds } from './types';

const sourceChoices = taskSourceKinds.map((kind) => ({ value: kind, label: sourceLabels[kind] }));

/** A project's tasks as a board, a column per status, with who holds what until when and the last gate result. */
export function TasksBoardPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const canWrite = useCan('write');
  const [opened, setOpened] = useState<'new' | 'generate' | null>(null);
  const [filters, setFilters] = useState<TaskFilters>({ sourceKind: '', assigneeId: '', q: '' });
  const toggle = (form: 'new' | 'generate') => setOpened(opened === form ? null : form);
  return (
    <Page crumbs={<TaskCrumbs projectId={projectId} />}>
      <div className="title-row">
        <h1>Tasks</h1>
        {canWrite ? (
          <div className="actions">
            <button type="button" onClick={() => toggle('generate')} aria-expanded={opened === 'generate'}>
              Generate tasks
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => toggle('new')}
              aria-expanded={opened === 'new'}
            >
              New task
            </button>
          </div>
        ) : null}
      </div>
      {opened === 'new' ? <NewTaskForm projectId={projectId} onDone={() => setOpened(null)} /> : null}
      {opened === 'generate' ? <GenerateForm projectId={projectId} onDone={() => setOpened(null)} /> : null}
      <FilterBar label="Find tasks">
        <SelectFilter
          label="Source"
          value={filters.sourceKind}
          onChange={(sourceKind) => setFilters({ ...filters, sourceKind })}
          choices={sourceChoices}
          any="Any source"
        />
        <AssigneeFilter
          value={filters.assigneeId}
          onChange={(assigneeId) => setFilters({ ...filters, assigneeId })}
        />
        <TextFilter
          label="Search tasks"
          type="search"
          value={filters.q}
          onChange={(q) => setFilters({ ...filters, q })}
          placeholder="Title, description…"
        />
      </FilterBar>
      <Board projectId={projectId} filters={filters} />
    </Page>
  );
}

function AssigneeFilter(props: { value: string; onChange: (value: string) => void }) {
  const members = useMembers();
  const me = useMe();
  const myId = me.data?.user.id;
  const choices = [
    ...(myId ? [{ value: myId, label: 'Me' }] : []),
    ...(members.data?.data ?? [])
      .filter((member) => member.user.id !== myId)
      .map((member) => ({ value: member.user.id, label: member.user.displayName })),
  ];
  return (
    <SelectFilter
      label="Held by"
      value={props.value}
      onChange={props.onChange}
      choices={choices}
      any="Anyone"
    />
  );
}

function Board(props: { projectId: string; filters: TaskFilters }) {
  const tasks = useTasks(props.projectId, props.filters);
  const filtered = Boolean(props.filters.sourceKind || props.filters.assigneeId || props.filters.q);
  return (
    <Query query={tasks} what="tasks">
      {(data) => {
        const rows: Task[] = data.pages.flatMap((page) => page.data);
        if (rows.length === 0)
          return (
            <Empty>
              {filtered
                ? 'No tasks match.'
                : 'No tasks yet. Generate them from an approved PRD or the failing readiness checks, or make one by hand.'}
            </Empty>
          );
        return (
          <>
            <div className="task-board">
              {boardColumns.map((column) => {
                const cards = rows.filter((task) => column.statuses.includes(task.status));
                const heading = `task-column-${column.id}`;
                return (
                  <section key={column.id} className="task-column" aria-labelledby={heading}>
                    <h2 id={heading}>
                      {column.title} <span className="muted">{cards.length}</span>
                    </h2>
                    {cards.length === 0 ? (
                      <p className="muted">None</p>
                    ) : (
                      <ul className="cards">
                        {cards.map((task) => (
                          <TaskCard key={task.id} projectId={props.projectId} task={task} />
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </div>
            <LoadMore list={tasks} />
          </>
        );
      }}
    </Query>
  );
}
