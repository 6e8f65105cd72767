/** A choice in a select: a plain value is its own label. */
export type Choice = string | { value: string; label: string };

/** The <option>s of a select, after an optional first option for "no value" (''). */
export function Options(props: { choices: readonly Choice[]; none?: string }) {
  return (
    <>
      {props.none === undefined ? null : <option value="">{props.none}</option>}
      {props.choices.map((choice) => {
        const { value, label } = typeof choice === 'string' ? { value: choice, label: choice } : choice;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </>
  );
}
