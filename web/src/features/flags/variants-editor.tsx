import type { FieldErrors } from '../../api/client';
import { fieldError } from '../../components/forms';
import { Labelled } from './constraints-editor';
import type { FlagValueType, Variant } from './types';
import { ValueInput } from './value-input';
import { replaced, without } from './values';

/**
 * Variants with their weights (out of 1000, as Unleash counts them) and values. "Spread evenly"
 * shares the 1000 between them, the remainder on the first.
 */
export function VariantsEditor(props: {
  id: string;
  legend: string;
  type: FlagValueType;
  variants: Variant[];
  onChange: (variants: Variant[]) => void;
  errors: FieldErrors;
  path: string;
  disabled?: boolean;
}) {
  const { variants, type } = props;
  const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
  const add = () =>
    props.onChange([
      ...variants,
      {
        name: `variant-${variants.length + 1}`,
        value: type === 'boolean' ? true : type === 'number' ? 0 : '',
        weight: 0,
      },
    ]);
  const spread = () => {
    const share = Math.floor(1000 / Math.max(1, variants.length));
    props.onChange(
      variants.map((variant, index) => ({
        ...variant,
        weight: share + (index === 0 ? 1000 - share * variants.length : 0),
      })),
    );
  };
  const listError = fieldError(props.errors, props.path);
  return (
    <fieldset className="flag-variants">
      <legend>
        {props.legend} ({variants.length}){variants.length ? `: weights ${total} of 1000` : ''}
      </legend>
      {variants.map((variant, index) => {
        const id = `${props.id}-v${index}`;
        const path = `${props.path}.${index}`;
        const set = (change: Partial<Variant>) =>
          props.onChange(replaced(variants, index, { ...variant, ...change }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a variant is edited in place; its name may change
          <fieldset key={index} className="flag-variant">
            <legend className="visually-hidden">Variant {index + 1}</legend>
            <Labelled id={`${id}-name`} label="Name" error={fieldError(props.errors, `${path}.name`)}>
              <input
                id={`${id}-name`}
                value={variant.name}
                onChange={(event) => set({ name: event.target.value })}
                disabled={props.disabled}
              />
            </Labelled>
            <Labelled id={`${id}-weight`} label="Weight" error={fieldError(props.errors, `${path}.weight`)}>
              <input
                id={`${id}-weight`}
                type="number"
                min={0}
                max={1000}
                step={1}
                value={variant.weight}
                onChange={(event) => set({ weight: Number(event.target.value) })}
                disabled={props.disabled}
              />
            </Labelled>
            <ValueInput
              id={`${id}-value`}
              label="Value"
              type={type}
              value={variant.value}
              onChange={(value) => set({ value })}
              error={fieldError(props.errors, `${path}.value`)}
              disabled={props.disabled}
            />
            {props.disabled ? null : (
              <button
                type="button"
                onClick={() => props.onChange(without(variants, index))}
                aria-label={`Remove variant ${variant.name || index + 1}`}
              >
                Remove
              </button>
            )}
          </fieldset>
        );
      })}
      {listError && !listError.includes(':') ? (
        <small className="error" role="alert">
          {listError}
        </small>
      ) : null}
      {props.disabled ? null : (
        <p className="actions">
          <button type="button" onClick={add}>
            Add variant
          </button>
          {variants.length > 1 ? (
            <button type="button" onClick={spread}>
              Spread evenly
            </button>
          ) : null}
        </p>
      )}
    </fieldset>
  );
}
