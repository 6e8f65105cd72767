import { bindFields, TextAreaField, TextField } from '../../components/fields';
import { Form, hasGeneralError, splitList } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { type ProjectValues, useSaveProject } from './queries';

/** Creates a project, or edits one when `project` is given. */
export function ProjectForm(props: {
  project?: ProjectValues;
  onDone: (id: string) => void;
  onCancel?: () => void;
}) {
  const [values, set] = useValues({
    name: props.project?.name ?? '',
    key: props.project?.key ?? '',
    description: props.project?.description ?? '',
    tags: (props.project?.tags ?? []).join(', '),
  });
  const save = useSaveProject(props.project);
  const submit = () => {
    save.mutate(
      { ...values, tags: splitList(values.tags) },
      { onSuccess: (project) => props.onDone(project.id) },
    );
  };
  const editing = Boolean(props.project?.id);
  const field = bindFields({
    values,
    set,
    error: save.error,
    prefix: editing ? 'edit-project' : 'new-project',
  });
  return (
    <Form onSubmit={submit} aria-label={editing ? 'Edit project' : 'New project'}>
      <TextField label="Name" {...field('name')} />
      <TextField label="Key" hint="Uppercase, 2 to 20 characters, e.g. PAY" {...field('key')} />
      <TextAreaField label="Description" rows={3} {...field('description')} />
      <TextField label="Tags" hint="Comma-separated" {...field('tags')} />
      {hasGeneralError(save.error, ['name', 'key', 'description', 'tags']) ? (
        <FormError error={save.error} />
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {editing ? 'Save project' : 'Create project'}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </Form>
  );
}
