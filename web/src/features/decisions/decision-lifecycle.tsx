import { useEffect, useRef, useState } from 'react';
import { bindFields, SelectField, TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useCan } from '../session/permissions';
import { actionLabels, actionsByStatus, statusAfter } from './lifecycle';
import { type Decision, useAcceptedDecisions, useDecisionAction } from './queries';

/** The lifecycle steps the decision's status allows and the member's role may take. */
export function useAllowedActions(decision: Decision): string[] {
  const canWrite = useCan('write');
  const canReview = useCan('review');
  // Proposing is contributing; accepting, rejecting and retiring are a reviewer's acts.
  return (actionsByStatus[decision.status] ?? []).filter((action) =>
    action === 'propose' ? canWrite : canReview,
  );
}

/** "Change status…": a dialog to take one lifecycle step, with a reason kept in the audit trail. */
export function DecisionLifecycle(props: { decision: Decision }) {
  const actions = useAllowedActions(props.decision);
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  if (actions.length === 0) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Change status…
      </button>
      <dialog ref={dialog} aria-labelledby="lifecycle-title" onClose={() => setOpen(false)}>
        {open ? (
          <LifecycleForm decision={props.decision} actions={actions} onDone={() => setOpen(false)} />
        ) : null}
      </dialog>
    </>
  );
}

function LifecycleForm(props: { decision: Decision; actions: string[]; onDone: () => void }) {
  const { decision, actions } = props;
  const [values, set] = useValues({ action: actions[0] ?? '', reason: '', supersededBy: '' });
  const accepted = useAcceptedDecisions(actions.includes('supersede'));
  const act = useDecisionAction(decision);
  const fields = fieldErrorsOf(act.error);
  const field = bindFields({ values, set, error: act.error, prefix: 'lifecycle' });
  const submit = () => act.mutate(values, { onSuccess: props.onDone });
  return (
    <Form onSubmit={submit} aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">Change the status of {decision.reference}</h2>
      <fieldset>
        <legend>New status</legend>
        {actions.map((action) => (
          <label key={action} className="choice">
            <input
              type="radio"
              name="lifecycle-action"
              value={action}
              checked={values.action === action}
              onChange={() => set('action')(action)}
            />{' '}
            {actionLabels[action]} <span className="muted">→ {statusAfter[action]}</span>
          </label>
        ))}
      </fieldset>
      <TextField label="Reason (kept in the audit trail)" {...field('reason')} />
      {values.action === 'supersede' ? (
        <SelectField
          label="Superseded by"
          {...field('supersededBy')}
          none="Choose an accepted decision…"
          choices={(accepted.data?.data ?? [])
            .filter((other) => other.id !== decision.id)
            .map((other) => ({ value: other.id, label: `${other.reference} ${other.title}` }))}
        />
      ) : null}
      {Object.keys(fields).length ? null : <FormError error={act.error} />}
      <p className="actions">
        <button type="submit" className="primary" disabled={act.isPending}>
          {actionLabels[values.action]}
        </button>
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
      </p>
    </Form>
  );
}
