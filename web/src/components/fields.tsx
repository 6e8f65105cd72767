import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { fieldError, fieldErrorsOf } from './forms';
import { type Choice, Options } from './options';
import { Field, inputProps } from './ui';

/** What every form field has: its label, its id and name, the API's message for it and a hint. */
export interface FieldProps {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  disabled?: boolean;
}

type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name' | 'id'>;
type TextAreaAttributes = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'value' | 'onChange' | 'name' | 'id'
>;

/** A labelled input (text, date, email, password…) with the API's message for it underneath. */
export function TextField(
  props: FieldProps & InputAttributes & { value: string; onChange: (value: string) => void },
) {
  const { label, name, error, hint, value, onChange, ...input } = props;
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      <input
        {...inputProps(name, error)}
        {...input}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

/** A labelled textarea with the API's message for it underneath. */
export function TextAreaField(
  props: FieldProps & TextAreaAttributes & { value: string; onChange: (value: string) => void },
) {
  const { label, name, error, hint, value, onChange, ...textarea } = props;
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      <textarea
        {...inputProps(name, error)}
        {...textarea}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

/** A labelled select of `choices`, after a first choice named `none` (value '') when given. */
export function SelectField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    choices: readonly Choice[];
    none?: string;
  },
) {
  return (
    <Field label={props.label} name={props.name} error={props.error} hint={props.hint}>
      <select
        {...inputProps(props.name, props.error)}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        disabled={props.disabled}
      >
        <Options choices={props.choices} none={props.none} />
      </select>
    </Field>
  );
}

/**
 * Ties a form's fields to its values (see useValues): `field('title')` gives a field its id
 * (`prefix-title`), value, setter and the API's message for `title`. `path` names the body path
 * when it differs from the value's name, `id` an id that does not follow the prefix. Spread it into
 * TextField, TextAreaField or SelectField.
 */
export function bindFields<Values extends Record<string, string>>(form: {
  values: Values;
  set: (name: keyof Values) => (value: string) => void;
  /** The failed save, whose per-field messages the fields show. */
  error: unknown;
  prefix: string;
  disabled?: boolean;
}) {
  const errors = fieldErrorsOf(form.error);
  return (name: keyof Values & string, options: { path?: string; id?: string } = {}) => ({
    name: options.id ?? `${form.prefix}-${name}`,
    error: fieldError(errors, options.path ?? name),
    value: form.values[name],
    onChange: form.set(name),
    disabled: form.disabled,
  });
}
