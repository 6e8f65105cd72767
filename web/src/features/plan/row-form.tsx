import { useState } from 'react';
import { Form, fieldError, fieldErrorsOf, hasGeneralError } from '../../components/forms';
import { FormError } from '../../components/ui';
import { FieldControl } from './field-control';
import { bodyOf, type PlanRow, textsOf } from './form-fields';
import { useRowMutations } from './queries';
import type { AreaDescription, TableDescription } from './types';

/**
 * The form of a row, generated from its table's description: a new row when `row` is absent, else
 * that row, of which only the fields changed are sent (with the version read, so that a change
 * made meanwhile is refused rather than overwritten).
 */
export function RowForm(props: {
  projectId: string;
  area: AreaDescription;
  table: TableDescription;
  row?: PlanRow;
  onDone: (row: PlanRow) => void;
  onCancel: () => void;
}) {
  const { projectId, area, table, row } = props;
  const [initial] = useState(() => textsOf(table.fields, row));
  const [texts, setTexts] = useState(initial);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const { create, update } = useRowMutations({ projectId, area: area.slug, table: table.name });
  const saving = row ? update : create;
  const apiErrors = fieldErrorsOf(saving.error);
  const prefix = `plan-${table.name}-${row?.id ?? 'new'}`;
  const submit = () => {
    const { body, errors } = bodyOf(table.fields, texts, row ? initial : undefined);
    setChecked(errors);
    if (Object.keys(errors).length > 0) return;
    if (!row) create.mutate(body, { onSuccess: props.onDone });
    else if (Object.keys(body).length === 0) props.onCancel();
    else update.mutate({ row, body }, { onSuccess: props.onDone });
  };
  const names = table.fields.map((field) => field.name);
  return (
    <Form
      className="plan-row-form"
      aria-label={row ? `Edit ${String(row[table.nameField] ?? '')}` : 'New row'}
      onSubmit={submit}
    >
      <div className="plan-fields">
        {table.fields.map((field) => (
          <FieldControl
            key={field.name}
            projectId={projectId}
            area={area}
            field={field}
            id={`${prefix}-${field.name}`}
            value={texts[field.name] ?? ''}
            error={checked[field.name] ?? fieldError(apiErrors, field.name)}
            disabled={saving.isPending}
            editing={row !== undefined}
            onChange={(value) => setTexts((current) => ({ ...current, [field.name]: value }))}
          />
        ))}
      </div>
      {hasGeneralError(saving.error, names) ? <FormError error={saving.error} /> : null}
      <div className="actions">
        <button type="submit" disabled={saving.isPending}>
          {row ? 'Save' : 'Create'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </Form>
  );
}
