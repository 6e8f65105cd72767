import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { type FieldDescription, formFieldOf } from './form-fields';
import { useReferenceRows } from './references';
import type { AreaDescription } from './types';

interface ControlProps {
  projectId: string;
  area: AreaDescription;
  field: FieldDescription;
  /** The control's id, unique on the page. */
  id: string;
  value: string;
  error?: string;
  disabled?: boolean;
  /** An existing row is being changed (not a new one being made). */
  editing: boolean;
  onChange: (value: string) => void;
}

/** The labelled control a field description calls for, with the API's message for it underneath. */
export function FieldControl(props: ControlProps) {
  const form = formFieldOf(props.field, props.editing);
  const common = {
    label: form.required ? `${form.label} (required)` : form.label,
    name: props.id,
    error: props.error,
    hint: form.hint,
    disabled: props.disabled,
    value: props.value,
    onChange: props.onChange,
  };
  if (form.control === 'reference') return <ReferenceControl {...props} none={form.none} />;
  if (form.control === 'select')
    return (
      <SelectField
        {...common}
        choices={form.choices ?? []}
        none={form.none ?? (props.value ? undefined : '')}
      />
    );
  if (form.control === 'textarea') return <TextAreaField {...common} rows={form.hint === 'JSON' ? 6 : 3} />;
  return (
    <TextField
      {...common}
      type={form.inputType}
      step={props.field.type === 'number' ? 'any' : undefined}
      aria-required={form.required || undefined}
    />
  );
}

/** A reference is picked among the rows of the table it points to, by their names. */
function ReferenceControl(props: ControlProps & { none?: string }) {
  const { rows, choices } = useReferenceRows(props.projectId, props.area, props.field);
  const label = props.field.required ? `${props.field.label} (required)` : props.field.label;
  return (
    <SelectField
      label={label}
      name={props.id}
      error={props.error ?? (rows.error ? 'The rows to choose from could not be loaded.' : undefined)}
      hint={rows.isPending ? 'Loading the rows to choose from…' : undefined}
      disabled={props.disabled}
      value={props.value}
      onChange={props.onChange}
      choices={choices}
      none={props.none ?? (props.value ? undefined : '')}
    />
  );
}
