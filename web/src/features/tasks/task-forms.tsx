import { useState } from 'react';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import {
  Form,
  fieldError,
  fieldErrorsOf,
  hasGeneralError,
  SubmitOrCancel,
  splitLines,
} from '../../components/forms';
import { FormError } from '../../components/ui';
import { usePrdList } from '../prds/queries';
import { useQualityGates } from '../test-evidence/queries';
import { useCreateTask, useGenerateTasks, useUpdateTask } from './queries';
import type { Task } from './types';

/** A task made by hand: a title, what to do, what done means (a criterion a line) and the gates that apply. */
export function NewTaskForm(props: { projectId: string; onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [criteria, setCriteria] = useState('');
  const [gateIds, setGateIds] = useState<string[]>([]);
  const create = useCreateTask(props.projectId);
  const errors = fieldErrorsOf(create.error);
  return (
    <Form
      className="panel"
      aria-label="New task"
      onSubmit={() =>
        create.mutate(
          {
            title: title.trim(),
            description: description.trim() || undefined,
            acceptanceCriteria: splitLines(criteria).map((text, index) => ({
              kind: 'criterion' as const,
              ref: `AC-${String(index + 1).padStart(3, '0')}`,
              text,
            })),
            gateIds,
          },
          { onSuccess: props.onDone },
        )
      }
    >
      <TextField
        label="Title"
        name="task-title"
        value={title}
        onChange={setTitle}
        error={fieldError(errors, 'title')}
      />
      <TextAreaField
        label="Description"
        name="task-description"
        value={description}
        onChange={setDescription}
        rows={3}
        error={fieldError(errors, 'description')}
      />
      <TextAreaField
        label="Acceptance criteria"
        name="task-criteria"
        value={criteria}
        onChange={setCriteria}
        rows={3}
        hint="One a line"
        error={fieldError(errors, 'acceptanceCriteria')}
      />
      <GateChoices
        projectId={props.projectId}
        value={gateIds}
        onChange={setGateIds}
        error={fieldError(errors, 'gateIds')}
      />
      {hasGeneralError(create.error, ['title', 'description', 'acceptanceCriteria', 'gateIds']) ? (
        <FormError error={create.error} />
      ) : null}
      <SubmitOrCancel label="Create task" pending={create.isPending} onCancel={props.onDone} />
    </Form>
  );
}

/**
 * Tasks from an approved PRD (one per functional requirement, its success criteria as acceptance
 * criteria) and/or from the project's failing readiness checks. Running it again adds only what is new.
 */
export function GenerateForm(props: { projectId: string; onDone: () => void }) {
  const [prdId, setPrdId] = useState('');
  const [checks, setChecks] = useState(false);
  const prds = usePrdList(props.projectId, { 'filter[status]': 'approved', sort: '-updatedAt', limit: 100 });
  const generate = useGenerateTasks(props.projectId);
  const errors = fieldErrorsOf(generate.error);
  const choices = (prds.data?.data ?? []).map((prd) => ({ value: prd.id, label: prd.title }));
  return (
    <Form
      className="panel"
      aria-label="Generate tasks"
      onSubmit={() => generate.mutate({ prdId: prdId || undefined, checks: checks || undefined })}
    >
      <SelectField
        label="From the requirements of an approved PRD"
        name="generate-prd"
        value={prdId}
        onChange={setPrdId}
        choices={choices}
        none={choices.length ? '—' : 'No approved PRD'}
        error={fieldError(errors, 'prdId')}
      />
      <label className="check">
        <input type="checkbox" checked={checks} onChange={(event) => setChecks(event.target.checked)} /> From
        the failing readiness checks
      </label>
      {hasGeneralError(generate.error, ['prdId']) ? <FormError error={generate.error} /> : null}
      {generate.data ? (
        <p role="status" className="panel">
          Created {generate.data.created.length} {generate.data.created.length === 1 ? 'task' : 'tasks'}
          {generate.data.existing ? `; ${generate.data.existing} already existed` : ''}.
        </p>
      ) : null}
      <SubmitOrCancel
        label="Generate"
        pending={generate.isPending || (!prdId && !checks)}
        onCancel={props.onDone}
      />
    </Form>
  );
}

/** Edits a task's title, description and gates; sent with If-Match, so a newer version is not overwritten. */
export function EditTaskForm(props: { projectId: string; task: Task; onDone: () => void }) {
  const [title, setTitle] = useState(props.task.title);
  const [description, setDescription] = useState(props.task.description);
  const [gateIds, setGateIds] = useState<string[]>(props.task.gateIds);
  const update = useUpdateTask(props.projectId, props.task);
  const errors = fieldErrorsOf(update.error);
  return (
    <Form
      className="panel"
      aria-label="Edit task"
      onSubmit={() =>
        update.mutate({ title: title.trim(), description, gateIds }, { onSuccess: props.onDone })
      }
    >
      <TextField
        label="Title"
        name="edit-task-title"
        value={title}
        onChange={setTitle}
        error={fieldError(errors, 'title')}
      />
      <TextAreaField
        label="Description"
        name="edit-task-description"
        value={description}
        onChange={setDescription}
        rows={4}
        error={fieldError(errors, 'description')}
      />
      <GateChoices
        projectId={props.projectId}
        value={gateIds}
        onChange={setGateIds}
        error={fieldError(errors, 'gateIds')}
      />
      {hasGeneralError(update.error, ['title', 'description', 'gateIds']) ? (
        <FormError error={update.error} />
      ) : null}
      <SubmitOrCancel label="Save task" pending={update.isPending} onCancel={props.onDone} />
    </Form>
  );
}

/** The project's quality gates as checkboxes: the ones ticked apply to the task. */
function GateChoices(props: {
  projectId: string;
  value: string[];
  onChange: (gateIds: string[]) => void;
  error: string | undefined;
}) {
  const gates = useQualityGates(props.projectId).data?.data ?? [];
  if (gates.length === 0) return null;
  return (
    <fieldset>
      <legend>Quality gates that apply</legend>
      {gates.map((gate) => (
        <label key={gate.id} className="check">
          <input
            type="checkbox"
            checked={props.value.includes(gate.id)}
            onChange={(event) =>
              props.onChange(
                event.target.checked ? [...props.value, gate.id] : props.value.filter((id) => id !== gate.id),
              )
            }
          />{' '}
          {gate.name}
        </label>
      ))}
      {props.error ? (
        <small className="error" role="alert">
          {props.error}
        </small>
      ) : null}
    </fieldset>
  );
}
