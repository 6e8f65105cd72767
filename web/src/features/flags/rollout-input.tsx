/**
 * A rollout percentage as a slider (0 to 100 in hundredths, as the engine buckets) and the same
 * number typed exactly; both label themselves by `label`.
 */
export function RolloutInput(props: {
  id: string;
  label: string;
  value: number;
  onChange: (value: number) => void;
  error?: string;
  disabled?: boolean;
}) {
  const set = (text: string) => {
    const number = Math.round(Number(text) * 100) / 100;
    if (Number.isFinite(number)) props.onChange(Math.min(100, Math.max(0, number)));
  };
  return (
    <fieldset className={props.error ? 'flag-rollout invalid' : 'flag-rollout'}>
      <legend>{props.label}</legend>
      <input
        id={`${props.id}-slider`}
        type="range"
        min={0}
        max={100}
        step={0.01}
        value={props.value}
        onChange={(event) => set(event.target.value)}
        aria-label={`${props.label} slider`}
        aria-valuetext={`${props.value}%`}
        disabled={props.disabled}
      />
      <span className="flag-rollout-number">
        <input
          id={`${props.id}-number`}
          type="number"
          min={0}
          max={100}
          step={0.01}
          value={props.value}
          onChange={(event) => set(event.target.value)}
          aria-label={`${props.label} (%)`}
          aria-invalid={props.error ? true : undefined}
          disabled={props.disabled}
        />
        %
      </span>
      {props.error ? (
        <small className="error" role="alert">
          {props.error}
        </small>
      ) : null}
    </fieldset>
  );
}
