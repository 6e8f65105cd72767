import type { FieldErrors } from '../../api/client';
import { bindFields, TextAreaField, TextField } from '../../components/fields';
import { Form, fieldErrorsOf, hasGeneralError } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import {
  type Consumer,
  type ConsumerUses,
  type ContractKey,
  useCreateConsumer,
  useUpdateConsumer,
} from './queries';

/** One operation a line: `GET /users/{}`, or a concrete path such as `GET /users/42`. */
function operationsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/, ' '))
    .filter(Boolean)
    .map((line) => line.replace(/^(\w+) /, (method: string) => method.toUpperCase()));
}

/** The API's message for one operation (`uses.operations.2`), named by its line in the text area. */
function operationsError(errors: FieldErrors): string | undefined {
  const key = Object.keys(errors).find((path) => path === 'uses' || path.startsWith('uses.'));
  if (!key) return undefined;
  const index = /^uses\.operations\.(\d+)$/.exec(key)?.[1];
  return index === undefined ? errors[key] : `line ${Number(index) + 1}: ${errors[key]}`;
}

/**
 * What a consumer uses, edited here, keeps the fields it relies on for the operations still listed
 * (a Pact file says those; the form does not edit them).
 */
function usesOf(operations: string[], before: ConsumerUses | undefined): ConsumerUses {
  const fields = Object.fromEntries(
    Object.entries(before?.fields ?? {}).filter(([operation]) => operations.includes(operation)),
  );
  return Object.keys(fields).length > 0 ? { operations, fields } : { operations };
}

type ConsumerBody = { name: string; contact: string | null; uses: ConsumerUses };

/** Registers a consumer of the contract. */
export function NewConsumerForm(props: {
  contractKey: ContractKey;
  onDone: () => void;
  onCancel: () => void;
}) {
  const create = useCreateConsumer(props.contractKey);
  return (
    <ConsumerForm
      label="Add a consumer"
      prefix="new-consumer"
      save={create}
      onSave={(body) => create.mutate(body, { onSuccess: props.onDone })}
      onCancel={props.onCancel}
    />
  );
}

/** Edits a consumer: its name, contact and the operations it calls. */
export function EditConsumerForm(props: {
  contractKey: ContractKey;
  consumer: Consumer;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { consumer } = props;
  const update = useUpdateConsumer(props.contractKey, consumer);
  return (
    <ConsumerForm
      label={`Edit ${consumer.name}`}
      prefix={`consumer-${consumer.id}`}
      consumer={consumer}
      save={update}
      onSave={(body) => update.mutate(body, { onSuccess: props.onDone })}
      onCancel={props.onCancel}
    />
  );
}

function ConsumerForm(props: {
  label: string;
  prefix: string;
  consumer?: Consumer;
  save: { error: unknown; isPending: boolean };
  onSave: (body: ConsumerBody) => void;
  onCancel: () => void;
}) {
  const { consumer, save } = props;
  const [values, set] = useValues({
    name: consumer?.name ?? '',
    contact: consumer?.contact ?? '',
    operations: (consumer?.uses.operations ?? []).join('\n'),
  });
  const field = bindFields({ values, set, error: save.error, prefix: props.prefix });
  const submit = () =>
    props.onSave({
      name: values.name.trim(),
      contact: values.contact.trim() || null,
      uses: usesOf(operationsOf(values.operations), consumer?.uses),
    });
  return (
    <Form onSubmit={submit} aria-label={props.label}>
      <TextField label="Name" hint="The service or app that calls the API" {...field('name')} />
      <TextField label="Contact (optional)" hint="Who to tell about breaking changes" {...field('contact')} />
      <TextAreaField
        label="Operations it calls"
        hint="One a line: GET /users/{} (parameter names blanked) or a concrete path, GET /users/42"
        rows={4}
        spellCheck={false}
        {...field('operations')}
        error={operationsError(fieldErrorsOf(save.error))}
      />
      {hasGeneralError(save.error, ['name', 'contact', 'uses']) ? <FormError error={save.error} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {consumer ? 'Save consumer' : 'Add consumer'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </Form>
  );
}
