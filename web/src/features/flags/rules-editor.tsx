import type { FieldErrors } from '../../api/client';
import { fieldError } from '../../components/forms';
import { ConstraintsEditor, Labelled } from './constraints-editor';
import { RolloutInput } from './rollout-input';
import type { FlagValueType, Rule, Segment } from './types';
import { moved, newRuleId, replaced, without } from './values';
import { VariantsEditor } from './variants-editor';

/** The fields rollouts usually stick on: default is userId, then sessionId, then random. */
const stickinessChoices = ['default', 'userId', 'sessionId', 'random'];

/**
 * The rules of one environment, in order: the first that selects a context decides. Each can be
 * moved up or down, removed, or switched off without losing it.
 */
export function RulesEditor(props: {
  id: string;
  type: FlagValueType;
  rules: Rule[];
  segments: Segment[];
  onChange: (rules: Rule[]) => void;
  errors: FieldErrors;
  disabled?: boolean;
}) {
  const { rules } = props;
  const add = () =>
    props.onChange([
      ...rules,
      { id: newRuleId(), constraints: [], segments: [], rollout: 100, stickiness: 'default', groupId: '' },
    ]);
  return (
    <div className="flag-rules">
      <datalist id={`${props.id}-stickiness`}>
        {stickinessChoices.map((choice) => (
          <option key={choice} value={choice} />
        ))}
      </datalist>
      {rules.length === 0 ? (
        <p className="muted">No rules: when on, the flag is on for everyone.</p>
      ) : (
        <ol className="flag-rule-list">
          {rules.map((rule, index) => (
            <li key={rule.id ?? index}>
              <RuleCard
                id={`${props.id}-r${index}`}
                number={index + 1}
                last={index === rules.length - 1}
                rule={rule}
                type={props.type}
                segments={props.segments}
                stickinessList={`${props.id}-stickiness`}
                onChange={(next) => props.onChange(replaced(rules, index, next))}
                onMove={(step) => props.onChange(moved(rules, index, step))}
                onRemove={() => props.onChange(without(rules, index))}
                errors={props.errors}
                path={`rules.${index}`}
                disabled={props.disabled}
              />
            </li>
          ))}
        </ol>
      )}
      {props.disabled ? null : (
        <button type="button" onClick={add}>
          Add rule
        </button>
      )}
    </div>
  );
}

function RuleCard(props: {
  id: string;
  number: number;
  last: boolean;
  rule: Rule;
  type: FlagValueType;
  segments: Segment[];
  stickinessList: string;
  onChange: (rule: Rule) => void;
  onMove: (step: number) => void;
  onRemove: () => void;
  errors: FieldErrors;
  path: string;
  disabled?: boolean;
}) {
  const { rule, id, path, errors } = props;
  const set = (change: Partial<Rule>) => props.onChange({ ...rule, ...change });
  const title = `Rule ${props.number}${rule.name ? `: ${rule.name}` : ''}`;
  return (
    <section className={rule.disabled ? 'flag-rule panel off' : 'flag-rule panel'} aria-label={title}>
      <div className="title-row">
        <h3>{title}</h3>
        {props.disabled ? null : (
          <div className="actions">
            <button
              type="button"
              onClick={() => props.onMove(-1)}
              disabled={props.number === 1}
              aria-label={`Move rule ${props.number} up`}
            >
              ↑
            </button>
            <button
              type="button"
              onClick={() => props.onMove(1)}
              disabled={props.last}
              aria-label={`Move rule ${props.number} down`}
            >
              ↓
            </button>
            <button
              type="button"
              className="danger"
              onClick={props.onRemove}
              aria-label={`Remove rule ${props.number}`}
            >
              Remove
            </button>
          </div>
        )}
      </div>
      <div className="flag-rule-fields">
        <Labelled id={`${id}-name`} label="Name" error={fieldError(errors, `${path}.name`)}>
          <input
            id={`${id}-name`}
            value={rule.name ?? ''}
            onChange={(event) => set({ name: event.target.value || undefined })}
            disabled={props.disabled}
          />
        </Labelled>
        <Labelled id={`${id}-stickiness`} label="Stickiness" error={fieldError(errors, `${path}.stickiness`)}>
          <input
            id={`${id}-stickiness`}
            list={props.stickinessList}
            value={rule.stickiness}
            onChange={(event) => set({ stickiness: event.target.value })}
            disabled={props.disabled}
          />
        </Labelled>
        <label className="check">
          <input
            type="checkbox"
            checked={Boolean(rule.disabled)}
            onChange={(event) => set({ disabled: event.target.checked || undefined })}
            disabled={props.disabled}
          />
          Switched off (skipped)
        </label>
      </div>
      <ConstraintsEditor
        id={id}
        constraints={rule.constraints}
        onChange={(constraints) => set({ constraints })}
        errors={errors}
        path={`${path}.constraints`}
        disabled={props.disabled}
      />
      <SegmentPicker
        id={id}
        rule={rule}
        segments={props.segments}
        onChange={(segments) => set({ segments })}
        error={fieldError(errors, `${path}.segments`)}
        disabled={props.disabled}
      />
      <RolloutInput
        id={`${id}-rollout`}
        label={`Rollout of rule ${props.number}`}
        value={rule.rollout}
        onChange={(rollout) => set({ rollout })}
        error={fieldError(errors, `${path}.rollout`)}
        disabled={props.disabled}
      />
      <VariantsEditor
        id={`${id}-variants`}
        legend="Rule variants (instead of the flag's)"
        type={props.type}
        variants={rule.variants ?? []}
        onChange={(variants) => set({ variants: variants.length ? variants : undefined })}
        errors={errors}
        path={`${path}.variants`}
        disabled={props.disabled}
      />
    </section>
  );
}

/** The project's segments as checkboxes; every segment checked must hold too. */
function SegmentPicker(props: {
  id: string;
  rule: Rule;
  segments: Segment[];
  onChange: (segments: number[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  if (props.segments.length === 0 && props.rule.segments.length === 0) return null;
  const chosen = new Set(props.rule.segments);
  const toggle = (number: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(number);
    else next.delete(number);
    props.onChange([...next].sort((a, b) => a - b));
  };
  return (
    <fieldset className="flag-segments">
      <legend>Segments</legend>
      {props.segments.map((segment) => (
        <label key={segment.id} className="check">
          <input
            type="checkbox"
            checked={chosen.has(segment.number)}
            onChange={(event) => toggle(segment.number, event.target.checked)}
            disabled={props.disabled}
          />
          {segment.name} <span className="muted">#{segment.number}</span>
        </label>
      ))}
      {props.error ? (
        <small className="error" role="alert">
          {props.error}
        </small>
      ) : null}
    </fieldset>
  );
}
