import { useState } from 'react';
import { CursorList } from '../../components/cursor-list';
import { Form, fieldError, fieldErrorsOf, hasGeneralError } from '../../components/forms';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, Status, When } from '../../components/ui';
import { Labelled } from './constraints-editor';
import { useCancelScheduled, useSchedule, useScheduleRamp } from './queries';
import type { FlagConfig, ScheduledChange } from './types';
import { replaced, without } from './values';

/** A change in words, naming a rule by its place in the environment's rules when it is still there. */
function describeChange(change: ScheduledChange['change'], rules: FlagConfig['rules']): string {
  if (!change.rollout) return change.enabled ? 'turn on' : 'turn off';
  const { ruleId, percentage } = change.rollout;
  const at = rules.findIndex((rule) => rule.id === ruleId);
  const rule = at >= 0 ? `rule ${at + 1}${rules[at]?.name ? ` (${rules[at]?.name})` : ''}` : `rule ${ruleId}`;
  return `rollout of ${rule} to ${percentage}%`;
}

/** The flag's scheduled changes, pending ones cancellable, and a ramp to plan a gradual rollout. */
export function ScheduleSection(props: {
  projectId: string;
  flagKey: string;
  config: FlagConfig;
  canWrite: boolean;
}) {
  const schedule = useSchedule(props.projectId, props.flagKey);
  const cancel = useCancelScheduled(props.projectId, props.flagKey);
  return (
    <Section id="flag-schedule" title="Scheduled changes">
      <CursorList list={schedule} what="scheduled changes" empty={<Empty>Nothing scheduled.</Empty>}>
        {(rows) => (
          <ListTable caption="Scheduled changes" columns={['When', 'Environment', 'Change', 'Status', '']}>
            {rows.map((item) => (
              <tr key={item.id}>
                <td>
                  <When at={item.runAt} />
                </td>
                <td>{item.environment}</td>
                <td>
                  {describeChange(
                    item.change,
                    item.environment === props.config.environment ? props.config.rules : [],
                  )}
                </td>
                <td>
                  <Status value={item.status} />
                  {item.error ? <span className="error"> {item.error}</span> : null}
                </td>
                <td data-label="Actions">
                  {item.status === 'pending' && props.canWrite ? (
                    <button
                      type="button"
                      onClick={() => cancel.mutate(item.id)}
                      disabled={cancel.isPending}
                      aria-label={`Cancel the change at ${new Date(item.runAt).toLocaleString()}`}
                    >
                      Cancel
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
      <FormError error={cancel.error} />
      {props.canWrite && props.config.rules.length > 0 ? <RampForm {...props} /> : null}
      {props.canWrite && props.config.rules.length === 0 ? (
        <p className="muted">
          A ramp moves a rule's rollout: add and save a rule in {props.config.environment} first.
        </p>
      ) : null}
    </Section>
  );
}

/** A local date-time `hours` from now, as a datetime-local input reads it. */
function localIn(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  at.setMinutes(0, 0, 0);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function RampForm(props: { projectId: string; flagKey: string; config: FlagConfig }) {
  const rules = props.config.rules;
  const [ruleId, setRuleId] = useState(rules[0]?.id ?? '');
  const [steps, setSteps] = useState([
    { at: localIn(24), percentage: '25' },
    { at: localIn(48), percentage: '50' },
    { at: localIn(72), percentage: '100' },
  ]);
  const ramp = useScheduleRamp(props.projectId, props.flagKey);
  const errors = fieldErrorsOf(ramp.error);
  const submit = () =>
    ramp.mutate({
      environment: props.config.environment,
      ruleId,
      steps: steps.map((step) => ({
        at: step.at ? new Date(step.at).toISOString() : '',
        percentage: Number(step.percentage),
      })),
    });
  return (
    <Form onSubmit={submit} aria-label="Ramp" className="panel">
      <h3>Ramp a rollout in {props.config.environment}</h3>
      <Labelled id="ramp-rule" label="Rule" error={fieldError(errors, 'ruleId')}>
        <select id="ramp-rule" value={ruleId} onChange={(event) => setRuleId(event.target.value)}>
          {rules.map((rule, index) => (
            <option key={rule.id} value={rule.id}>
              Rule {index + 1}
              {rule.name ? `: ${rule.name}` : ''} (now {rule.rollout}%)
            </option>
          ))}
        </select>
      </Labelled>
      <ol className="flag-ramp-steps">
        {steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are edited in place
          <li key={index} className="flag-ramp-step">
            <Labelled
              id={`ramp-${index}-at`}
              label={`Step ${index + 1} at`}
              error={fieldError(errors, `steps.${index}.at`)}
            >
              <input
                id={`ramp-${index}-at`}
                type="datetime-local"
                value={step.at}
                onChange={(event) => setSteps(replaced(steps, index, { ...step, at: event.target.value }))}
              />
            </Labelled>
            <Labelled
              id={`ramp-${index}-percentage`}
              label={`Step ${index + 1} rollout (%)`}
              error={fieldError(errors, `steps.${index}.percentage`)}
            >
              <input
                id={`ramp-${index}-percentage`}
                type="number"
                min={0}
                max={100}
                step={0.01}
                value={step.percentage}
                onChange={(event) =>
                  setSteps(replaced(steps, index, { ...step, percentage: event.target.value }))
                }
              />
            </Labelled>
            <button
              type="button"
              onClick={() => setSteps(without(steps, index))}
              disabled={steps.length === 1}
              aria-label={`Remove step ${index + 1}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      {hasGeneralError(ramp.error, ['ruleId', 'steps.']) ? <FormError error={ramp.error} /> : null}
      <p className="actions">
        <button
          type="button"
          onClick={() => setSteps([...steps, { at: localIn(24 * (steps.length + 1)), percentage: '100' }])}
        >
          Add step
        </button>
        <button type="submit" className="primary" disabled={ramp.isPending}>
          Schedule ramp
        </button>
        {ramp.isSuccess ? <span role="status">Scheduled.</span> : null}
      </p>
    </Form>
  );
}
