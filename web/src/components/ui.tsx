import type { ReactNode } from 'react';
import { messageOf } from '../api/client';

/** A labelled form control with the API's message for that field underneath. */
export function Field(props: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  const errorId = `${props.name}-error`;
  return (
    <div className={props.error ? 'field invalid' : 'field'}>
      <label htmlFor={props.name}>{props.label}</label>
      {props.children}
      {props.hint && !props.error ? <small className="hint">{props.hint}</small> : null}
      {props.error ? (
        <small className="error" id={errorId} role="alert">
          {props.error}
        </small>
      ) : null}
    </div>
  );
}

/** Props that tie an input to its Field: id, name and the error description. */
export function inputProps(name: string, error?: string) {
  return {
    id: name,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${name}-error` : undefined,
  };
}

export function Loading(props: { what?: string }) {
  return (
    <p className="state" aria-busy="true">
      Loading{props.what ? ` ${props.what}` : ''}…
    </p>
  );
}

export function ErrorState(props: { error: unknown; retry?: () => void }) {
  return (
    <div className="state error-state" role="alert">
      <p>{messageOf(props.error)}</p>
      {props.retry ? (
        <button type="button" onClick={props.retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Empty(props: { children: ReactNode }) {
  return <p className="state empty">{props.children}</p>;
}

/** Loading, error or the content, for one query. */
export function Query<T>(props: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  what?: string;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <Loading what={props.what} />;
  if (query.error || query.data === undefined)
    return <ErrorState error={query.error} retry={() => query.refetch()} />;
  return <>{props.children(query.data)}</>;
}

export function FormError(props: { error: unknown }) {
  if (!props.error) return null;
  return (
    <p className="error banner" role="alert">
      {messageOf(props.error)}
    </p>
  );
}

export function Status(props: { value: string }) {
  return <span className={`status status-${props.value}`}>{props.value.replace(/_/g, ' ')}</span>;
}

/** A time from the API (ISO 8601 text), shown in the reader's locale. */
export function When(props: { at: unknown }) {
  if (typeof props.at !== 'string' || !props.at) return <span>—</span>;
  const date = new Date(props.at);
  return (
    <time dateTime={props.at} title={date.toISOString()}>
      {date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}
