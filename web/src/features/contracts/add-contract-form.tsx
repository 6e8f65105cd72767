import { bindFields, SelectField, TextField } from '../../components/fields';
import { Form, hasGeneralError } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { checkedKinds, useCreateContract } from './queries';

const kindLabels: Record<(typeof checkedKinds)[number], string> = {
  openapi: 'OpenAPI (3.x, or Swagger 2.0)',
  graphql: 'GraphQL schema',
};

/**
 * Registers an API in the project's plan (an `api_contracts` row), so that its versions can be
 * uploaded and checked. Only the kinds the diff engine reads are offered.
 */
export function AddContractForm(props: { projectId: string; onDone: (contractId: string) => void }) {
  const [values, set] = useValues({ name: '', kind: 'openapi', currentVersion: '', owner: '' });
  const create = useCreateContract(props.projectId);
  const field = bindFields({ values, set, error: create.error, prefix: 'new-contract' });
  const submit = () =>
    create.mutate(
      {
        name: values.name.trim(),
        kind: values.kind === 'graphql' ? 'graphql' : 'openapi',
        currentVersion: values.currentVersion.trim(),
        status: 'published',
        ...(values.owner.trim() ? { owner: values.owner.trim() } : {}),
      },
      { onSuccess: (contract) => props.onDone(contract.id) },
    );
  return (
    <Form onSubmit={submit} aria-label="Add an API">
      <TextField label="Name" hint="How people call it, e.g. payments; URLs may use it" {...field('name')} />
      <SelectField
        label="Kind"
        choices={checkedKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
        {...field('kind')}
      />
      <TextField
        label="Version in production"
        hint="Each uploaded version replaces it, e.g. 1.4.0"
        {...field('currentVersion')}
      />
      <TextField
        label="Owner (optional)"
        hint="The team that decides on breaking changes"
        {...field('owner')}
      />
      {hasGeneralError(create.error, ['name', 'kind', 'currentVersion', 'owner']) ? (
        <FormError error={create.error} />
      ) : null}
      <button type="submit" className="primary" disabled={create.isPending}>
        Add API
      </button>
    </Form>
  );
}
