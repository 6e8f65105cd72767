import type { ReactNode } from 'react';
import type { FieldErrors } from '../../api/client';
import { fieldError } from '../../components/forms';
import { type Constraint, type ConstraintOperator, constraintOperators, listOperators } from './types';
import { replaced, without } from './values';

/** Context fields the SDKs send by name; any other name is read from the context's properties. */
const knownFields = ['userId', 'sessionId', 'remoteAddress', 'environment', 'appName', 'currentTime'];

/**
 * A list of constraints, all of which must hold: the context field, the operator, the values (a
 * comma-separated list for IN and the STR_* operators, one value for the others), and whether the
 * outcome is inverted or case ignored. `path` is where the list sits in the body the API checks,
 * so its messages (`rules.0.constraints.1.values`) show next to the field they name.
 */
export function ConstraintsEditor(props: {
  id: string;
  constraints: Constraint[];
  onChange: (constraints: Constraint[]) => void;
  errors: FieldErrors;
  path: string;
  disabled?: boolean;
}) {
  const { constraints } = props;
  const add = () => props.onChange([...constraints, { contextName: 'userId', operator: 'IN', values: [] }]);
  return (
    <fieldset className="flag-constraints">
      <legend>Constraints ({constraints.length})</legend>
      <datalist id={`${props.id}-fields`}>
        {knownFields.map((field) => (
          <option key={field} value={field} />
        ))}
      </datalist>
      {constraints.length === 0 ? <p className="muted">No constraints: every context is selected.</p> : null}
      {constraints.map((constraint, index) => (
        <ConstraintRow
          // Constraints have no id of their own; their place in the list is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          id={`${props.id}-c${index}`}
          number={index + 1}
          fieldsList={`${props.id}-fields`}
          constraint={constraint}
          onChange={(next) => props.onChange(replaced(constraints, index, next))}
          onRemove={() => props.onChange(without(constraints, index))}
          errors={props.errors}
          path={`${props.path}.${index}`}
          disabled={props.disabled}
        />
      ))}
      {props.disabled ? null : (
        <button type="button" onClick={add}>
          Add constraint
        </button>
      )}
      {fieldError(props.errors, props.path) && constraints.length === 0 ? (
        <small className="error" role="alert">
          {fieldError(props.errors, props.path)}
        </small>
      ) : null}
    </fieldset>
  );
}

function ConstraintRow(props: {
  id: string;
  number: number;
  fieldsList: string;
  constraint: Constraint;
  onChange: (constraint: Constraint) => void;
  onRemove: () => void;
  errors: FieldErrors;
  path: string;
  disabled?: boolean;
}) {
  const { constraint, id } = props;
  const takesList = listOperators.includes(constraint.operator);
  const set = (change: Partial<Constraint>) => props.onChange({ ...constraint, ...change });
  const setOperator = (operator: ConstraintOperator) => {
    const list = listOperators.includes(operator);
    const current = constraint.values?.join(', ') ?? constraint.value ?? '';
    props.onChange({
      ...constraint,
      operator,
      values: list ? splitValues(current) : undefined,
      value: list ? undefined : current,
    });
  };
  const error = (name: string) => fieldError(props.errors, `${props.path}.${name}`);
  const valuesError = error(takesList ? 'values' : 'value') ?? fieldError(props.errors, props.path);
  return (
    <fieldset className="flag-constraint">
      <legend className="visually-hidden">Constraint {props.number}</legend>
      <Labelled id={`${id}-field`} label="Context field" error={error('contextName')}>
        <input
          id={`${id}-field`}
          list={props.fieldsList}
          value={constraint.contextName}
          onChange={(event) => set({ contextName: event.target.value })}
          disabled={props.disabled}
          aria-invalid={error('contextName') ? true : undefined}
        />
      </Labelled>
      <Labelled id={`${id}-operator`} label="Operator" error={error('operator')}>
        <select
          id={`${id}-operator`}
          value={constraint.operator}
          onChange={(event) => setOperator(event.target.value as ConstraintOperator)}
          disabled={props.disabled}
        >
          {constraintOperators.map((operator) => (
            <option key={operator} value={operator}>
              {operator}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled
        id={`${id}-values`}
        label={takesList ? 'Values (comma-separated)' : 'Value'}
        error={valuesError}
      >
        <input
          id={`${id}-values`}
          value={takesList ? (constraint.values ?? []).join(', ') : (constraint.value ?? '')}
          onChange={(event) =>
            takesList ? set({ values: splitValues(event.target.value) }) : set({ value: event.target.value })
          }
          disabled={props.disabled}
          aria-invalid={valuesError ? true : undefined}
        />
      </Labelled>
      <label className="check">
        <input
          type="checkbox"
          checked={Boolean(constraint.inverted)}
          onChange={(event) => set({ inverted: event.target.checked || undefined })}
          disabled={props.disabled}
        />
        Inverted
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={Boolean(constraint.caseInsensitive)}
          onChange={(event) => set({ caseInsensitive: event.target.checked || undefined })}
          disabled={props.disabled}
        />
        Ignore case
      </label>
      {props.disabled ? null : (
        <button type="button" onClick={props.onRemove} aria-label={`Remove constraint ${props.number}`}>
          Remove
        </button>
      )}
    </fieldset>
  );
}

/**
 * Splits a typed list on commas but keeps a trailing empty item while typing, so that "a, " does
 * not lose its comma before the next value is typed.
 */
function splitValues(text: string): string[] {
  const parts = text.split(',').map((part) => part.trim());
  return parts.length === 1 && parts[0] === '' ? [] : parts;
}

/** A small labelled control with its message underneath, for dense editors. */
export function Labelled(props: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className={props.error ? 'field invalid' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.error ? (
        <small className="error" role="alert">
          {props.error}
        </small>
      ) : null}
    </div>
  );
}
