import type { FormEvent, FormHTMLAttributes } from 'react';
import { ApiError, type FieldErrors } from '../api/client';

/** The API's per-field messages of a failed mutation (empty when it did not fail on fields). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  return error instanceof ApiError ? error.fields : {};
}

/** Whether an error has messages that no field shows, so the form shows it as a banner. */
export function hasGeneralError(error: unknown, shownFields: string[]): boolean {
  if (!error) return false;
  const fields = Object.keys(fieldErrorsOf(error));
  return fields.length === 0 || fields.some((field) => !shownFields.some((shown) => field.startsWith(shown)));
}

/** `a, b , c` → ['a', 'b', 'c'] for tag inputs. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** One item a line, trimmed, blank lines dropped: for text areas that hold a list. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The first message for a field or any of its items (`tags` also shows `tags.2`). */
export function fieldError(fields: FieldErrors, name: string): string | undefined {
  if (fields[name]) return fields[name];
  const nested = Object.keys(fields).find((key) => key.startsWith(`${name}.`));
  return nested ? `${nested.slice(name.length + 1)}: ${fields[nested]}` : undefined;
}

/**
 * A form the API validates (the browser's own validation is off) that never reloads the page:
 * `onSubmit` gets the submit event with its default already prevented.
 */
export function Form(
  props: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> & {
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  },
) {
  const { onSubmit, ...form } = props;
  return (
    <form
      {...form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(event);
      }}
    />
  );
}

/** A small form's buttons: the action, busy while it is sent, and Cancel. */
export function SubmitOrCancel(props: { label: string; pending: boolean; onCancel: () => void }) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={props.pending}>
        {props.label}
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
