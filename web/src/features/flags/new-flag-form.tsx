import { useState } from 'react';
import { bindFields, SelectField, TextAreaField, TextField } from '../../components/fields';
import { Form, hasGeneralError, SubmitOrCancel } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useCreateFlag } from './queries';
import { flagKinds, flagValueTypes } from './types';

/** Creates a flag: off in every environment until someone turns it on. */
export function NewFlagForm(props: {
  projectId: string;
  onDone: (key: string) => void;
  onCancel: () => void;
}) {
  const [values, set] = useValues({
    key: '',
    kind: 'release',
    valueType: 'boolean',
    owner: '',
    removalDate: '',
    description: '',
  });
  const [critical, setCritical] = useState(false);
  const create = useCreateFlag(props.projectId);
  const field = bindFields({ values, set, error: create.error, prefix: 'new-flag' });
  const submit = () =>
    create.mutate(
      {
        key: values.key.trim(),
        kind: flagKinds.find((kind) => kind === values.kind) ?? 'release',
        valueType: flagValueTypes.find((type) => type === values.valueType) ?? 'boolean',
        owner: values.owner.trim() || null,
        removalDate: values.removalDate || null,
        description: values.description.trim() || null,
        critical,
      },
      { onSuccess: (flag) => props.onDone(flag.key) },
    );
  return (
    <Form onSubmit={submit} aria-label="New flag" className="flag-form-grid">
      <TextField label="Key" hint="As the code reads it, e.g. checkout-v2" {...field('key')} />
      <SelectField label="Kind" choices={flagKinds} {...field('kind')} />
      <SelectField label="Type" choices={flagValueTypes} {...field('valueType')} />
      <TextField label="Owner" hint="The team or person who decides" {...field('owner')} />
      <TextField label="Removal date" type="date" {...field('removalDate')} />
      <TextAreaField label="Description" rows={2} {...field('description')} />
      <label className="check">
        <input type="checkbox" checked={critical} onChange={(event) => setCritical(event.target.checked)} />
        Critical: its kill switch must be exercised at least every 90 days
      </label>
      {hasGeneralError(create.error, Object.keys(values)) ? <FormError error={create.error} /> : null}
      <SubmitOrCancel label="Create flag" pending={create.isPending} onCancel={props.onCancel} />
    </Form>
  );
}
