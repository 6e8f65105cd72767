import type { FormEvent } from 'react';
import { bindFields, SelectField, TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useCan } from '../session/permissions';
import { actionsByStatus } from './lifecycle';
import { type Decision, useAcceptedDecisions, useDecisionAction } from './queries';

/** The lifecycle steps the decision's status allows and the member's role may take, with a reason. */
export function DecisionLifecycle(props: { decision: Decision }) {
  const canWrite = useCan('write');
  const canReview = useCan('review');
  const [values, set] = useValues({ reason: '', supersededBy: '' });
  const accepted = useAcceptedDecisions(props.decision.status === 'accepted');
  const act = useDecisionAction(props.decision);
  // Proposing is contributing; accepting, rejecting and retiring are a reviewer's acts.
  const actions = (actionsByStatus[props.decision.status] ?? []).filter((action) =>
    action === 'propose' ? canWrite : canReview,
  );
  if (actions.length === 0) return null;
  const fields = fieldErrorsOf(act.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value)
      act.mutate({ action: submitter.value, ...values }, { onSuccess: () => set('reason')('') });
  };
  const field = bindFields({ values, set, error: act.error, prefix: 'decision' });
  return (
    <Form className="panel inline-form" onSubmit={submit} aria-label="Lifecycle">
      <TextField label="Reason (kept in the audit trail)" {...field('reason')} />
      {actions.includes('supersede') ? (
        <SelectField
          label="Superseded by"
          {...field('supersededBy', { id: 'decision-superseded-by' })}
          none="Choose an accepted decision…"
          choices={(accepted.data?.data ?? [])
            .filter((other) => other.id !== props.decision.id)
            .map((other) => ({ value: other.id, label: `${other.reference} ${other.title}` }))}
        />
      ) : null}
      {actions.map((action) => (
        <button key={action} type="submit" value={action} disabled={act.isPending}>
          {action[0]?.toUpperCase()}
          {action.slice(1)}
        </button>
      ))}
      {Object.keys(fields).length ? null : <FormError error={act.error} />}
    </Form>
  );
}
