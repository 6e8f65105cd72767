import { bindFields, SelectField, TextAreaField, TextField } from '../../components/fields';
import { Form, hasGeneralError, SubmitOrCancel } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useUpdateFlag } from './queries';
import { type FlagDetail, flagKinds } from './types';

const flagStatuses = ['planned', 'active', 'rolled-out', 'removed'] as const;

/**
 * What the plan says of a flag — description, kind, status, owner, removal date, critical — edited
 * in place. Sends the version it read: someone else's change since answers 412 and is shown.
 */
export function FlagDetailsForm(props: { projectId: string; flag: FlagDetail; onDone: () => void }) {
  const { flag } = props;
  const [values, set] = useValues({
    description: flag.description ?? '',
    kind: flag.kind ?? 'release',
    status: flag.status ?? 'planned',
    owner: flag.owner ?? '',
    removalDate: flag.removalDate ?? '',
    critical: flag.critical ? 'yes' : 'no',
  });
  const update = useUpdateFlag(props.projectId, flag.key);
  const field = bindFields({ values, set, error: update.error, prefix: 'flag-details' });
  const submit = () =>
    update.mutate(
      {
        description: values.description.trim(),
        kind: flagKinds.find((kind) => kind === values.kind) ?? 'release',
        status: flagStatuses.find((status) => status === values.status) ?? 'planned',
        owner: values.owner.trim() || null,
        removalDate: values.removalDate || null,
        critical: values.critical === 'yes',
        version: flag.version,
      },
      { onSuccess: props.onDone },
    );
  return (
    <Form onSubmit={submit} aria-label="Flag details" className="flag-form-grid">
      <SelectField label="Kind" choices={flagKinds} {...field('kind')} />
      <SelectField label="Status" choices={flagStatuses} {...field('status')} />
      <TextField label="Owner" hint="The team or person who decides" {...field('owner')} />
      <TextField label="Removal date" type="date" {...field('removalDate')} />
      <SelectField label="Critical" choices={['no', 'yes']} {...field('critical')} />
      <TextAreaField label="Description" rows={2} {...field('description')} />
      {hasGeneralError(update.error, Object.keys(values)) ? <FormError error={update.error} /> : null}
      <SubmitOrCancel label="Save details" pending={update.isPending} onCancel={props.onDone} />
    </Form>
  );
}
