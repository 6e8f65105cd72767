import { Labelled } from './constraints-editor';
import type { FlagValue, FlagValueType } from './types';
import { parseValue, valueText } from './values';

/** One flag value, edited as its type reads best: on/off, text, a number or JSON. */
export function ValueInput(props: {
  id: string;
  label: string;
  type: FlagValueType;
  value: FlagValue;
  onChange: (value: FlagValue) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { id, type } = props;
  const common = {
    id,
    disabled: props.disabled,
    'aria-invalid': props.error ? true : undefined,
  } as const;
  return (
    <Labelled id={id} label={props.label} error={props.error}>
      {type === 'boolean' ? (
        <select
          {...common}
          value={props.value === true ? 'true' : 'false'}
          onChange={(event) => props.onChange(parseValue(event.target.value, type))}
        >
          <option value="true">true (on)</option>
          <option value="false">false (off)</option>
        </select>
      ) : type === 'json' ? (
        <JsonInput {...props} />
      ) : (
        <input
          {...common}
          type={type === 'number' ? 'number' : 'text'}
          value={valueText(props.value, type)}
          onChange={(event) => props.onChange(parseValue(event.target.value, type))}
        />
      )}
    </Labelled>
  );
}

/** JSON in a text area; what does not parse yet stays as typed. */
function JsonInput(props: {
  id: string;
  value: FlagValue;
  onChange: (value: FlagValue) => void;
  disabled?: boolean;
}) {
  const text = typeof props.value === 'string' ? props.value : valueText(props.value, 'json');
  return (
    <textarea
      id={props.id}
      rows={3}
      value={text}
      disabled={props.disabled}
      onChange={(event) => props.onChange(parseValue(event.target.value, 'json'))}
    />
  );
}
