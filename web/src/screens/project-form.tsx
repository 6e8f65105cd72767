import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call } from '../api/client';
import { fieldError, fieldErrorsOf, hasGeneralError, splitList } from '../components/forms';
import { Field, FormError, inputProps } from '../components/ui';

interface ProjectValues {
  id?: string;
  version?: number;
  name: string;
  key: string;
  description: string;
  tags: string[];
}

/** Creates a project, or edits one when `project` is given. */
export function ProjectForm(props: {
  project?: ProjectValues;
  onDone: (id: string) => void;
  onCancel?: () => void;
}) {
  const client = useQueryClient();
  const [name, setName] = useState(props.project?.name ?? '');
  const [key, setKey] = useState(props.project?.key ?? '');
  const [description, setDescription] = useState(props.project?.description ?? '');
  const [tags, setTags] = useState((props.project?.tags ?? []).join(', '));
  const save = useMutation({
    mutationFn: () => {
      const body = { name, key, description, tags: splitList(tags) };
      const existing = props.project;
      return existing?.id
        ? call('patch', '/api/v1/projects/{id}', {
            params: { id: existing.id },
            body,
            headers: existing.version ? { 'if-match': `"v${existing.version}"` } : {},
          })
        : call('post', '/api/v1/projects', { body: { ...body, status: 'active' } });
    },
    onSuccess: (project) => {
      void client.invalidateQueries({ queryKey: ['projects'] });
      void client.invalidateQueries({ queryKey: ['project', project.id] });
      props.onDone(project.id);
    },
  });
  const fields = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const prefix = props.project?.id ? 'edit-project' : 'new-project';
  return (
    <form onSubmit={submit} noValidate aria-label={props.project?.id ? 'Edit project' : 'New project'}>
      <Field label="Name" name={`${prefix}-name`} error={fieldError(fields, 'name')}>
        <input
          {...inputProps(`${prefix}-name`, fieldError(fields, 'name'))}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field
        label="Key"
        name={`${prefix}-key`}
        error={fieldError(fields, 'key')}
        hint="Uppercase, 2 to 20 characters, e.g. PAY"
      >
        <input
          {...inputProps(`${prefix}-key`, fieldError(fields, 'key'))}
          value={key}
          onChange={(event) => setKey(event.target.value)}
        />
      </Field>
      <Field label="Description" name={`${prefix}-description`} error={fieldError(fields, 'description')}>
        <textarea
          {...inputProps(`${prefix}-description`, fieldError(fields, 'description'))}
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </Field>
      <Field label="Tags" name={`${prefix}-tags`} error={fieldError(fields, 'tags')} hint="Comma-separated">
        <input
          {...inputProps(`${prefix}-tags`, fieldError(fields, 'tags'))}
          value={tags}
          onChange={(event) => setTags(event.target.value)}
        />
      </Field>
      {hasGeneralError(save.error, ['name', 'key', 'description', 'tags']) ? (
        <FormError error={save.error} />
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {props.project?.id ? 'Save project' : 'Create project'}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
