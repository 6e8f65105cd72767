import type { ReactNode } from 'react';
import { type Choice, Options } from './options';

/** The row of filters above a list: a search landmark, named when `label` is given. */
export function FilterBar(props: { label?: string; children: ReactNode }) {
  return (
    <search className="filters" aria-label={props.label}>
      {props.children}
    </search>
  );
}

/** One filter: its name wrapping its control, so the control is labelled by it. */
export function Filter(props: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child this label wraps
    <label>
      {props.label}
      {props.children}
    </label>
  );
}

export function TextFilter(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'search' | 'date';
  placeholder?: string;
}) {
  return (
    <Filter label={props.label}>
      <input
        type={props.type}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        placeholder={props.placeholder}
      />
    </Filter>
  );
}

/** A select filter; `any` names the first choice, which filters nothing. */
export function SelectFilter(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  any?: string;
}) {
  return (
    <Filter label={props.label}>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <Options choices={props.choices} none={props.any} />
      </select>
    </Filter>
  );
}
