import { useState } from 'react';
import { CursorList } from '../../components/cursor-list';
import { TextAreaField, TextField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf, hasGeneralError, SubmitOrCancel } from '../../components/forms';
import { Section } from '../../components/layout';
import { Empty, FormError } from '../../components/ui';
import { useCan } from '../session/permissions';
import { ConstraintsEditor } from './constraints-editor';
import { useSaveSegment, useSegments } from './queries';
import type { Constraint, Segment } from './types';
import { cleanConstraints } from './values';

/** Segments: named sets of constraints that rules of many flags share, by number. */
export function SegmentsSection(props: { projectId: string }) {
  const segments = useSegments(props.projectId);
  const canWrite = useCan('write');
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);
  return (
    <Section id="flag-segments" title="Segments">
      {canWrite && editing === null ? (
        <p className="actions">
          <button type="button" onClick={() => setEditing('new')} aria-expanded={false}>
            New segment
          </button>
        </p>
      ) : null}
      {editing ? (
        <SegmentForm
          key={editing === 'new' ? 'new' : editing.id}
          projectId={props.projectId}
          segment={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <CursorList list={segments} what="segments" empty={<Empty>No segments yet.</Empty>}>
        {(rows) => (
          <ul className="cards">
            {rows.map((segment) => (
              <li key={segment.id}>
                <div className="title-row">
                  <strong>
                    {segment.name} <span className="muted">#{segment.number}</span>
                  </strong>
                  {canWrite ? (
                    <button
                      type="button"
                      onClick={() => setEditing(segment)}
                      aria-label={`Edit segment ${segment.name}`}
                    >
                      Edit
                    </button>
                  ) : null}
                </div>
                {segment.description ? <p>{segment.description}</p> : null}
                <p className="muted">
                  {segment.constraints.map(describeConstraint).join(' and ') || 'No constraints'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </CursorList>
    </Section>
  );
}

export function describeConstraint(constraint: Constraint): string {
  const values = constraint.values ? constraint.values.join(', ') : (constraint.value ?? '');
  return `${constraint.inverted ? 'not ' : ''}${constraint.contextName} ${constraint.operator} ${values}`;
}

function SegmentForm(props: { projectId: string; segment?: Segment; onDone: () => void }) {
  const [name, setName] = useState(props.segment?.name ?? '');
  const [description, setDescription] = useState(props.segment?.description ?? '');
  const [constraints, setConstraints] = useState<Constraint[]>(props.segment?.constraints ?? []);
  const save = useSaveSegment(props.projectId);
  const errors = fieldErrorsOf(save.error);
  const submit = () =>
    save.mutate(
      {
        segment: props.segment,
        body: {
          name: name.trim(),
          description: description.trim() || null,
          constraints: cleanConstraints(constraints),
        },
      },
      { onSuccess: props.onDone },
    );
  const title = props.segment ? `Edit segment ${props.segment.name}` : 'New segment';
  return (
    <Form onSubmit={submit} aria-label={title} className="panel">
      <h3>{title}</h3>
      <TextField
        label="Segment name"
        name="segment-name"
        value={name}
        onChange={setName}
        error={fieldError(errors, 'name')}
      />
      <TextAreaField
        label="Segment description"
        name="segment-description"
        rows={2}
        value={description}
        onChange={setDescription}
        error={fieldError(errors, 'description')}
      />
      <ConstraintsEditor
        id="segment"
        constraints={constraints}
        onChange={setConstraints}
        errors={errors}
        path="constraints"
      />
      {hasGeneralError(save.error, ['name', 'description', 'constraints']) ? (
        <FormError error={save.error} />
      ) : null}
      <SubmitOrCancel
        label={props.segment ? 'Save segment' : 'Create segment'}
        pending={save.isPending}
        onCancel={props.onDone}
      />
    </Form>
  );
}
