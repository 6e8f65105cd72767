import { useState } from 'react';
import { TextAreaField, TextField } from '../../components/fields';
import { Form, SubmitOrCancel } from '../../components/forms';
import { Section } from '../../components/layout';
import { FormError } from '../../components/ui';
import { useCan } from '../session/permissions';
import { useMe } from '../session/queries';
import { useCancelSaga, useDecideApproval, useResumeSaga, useRetrySaga, useSignalSaga } from './queries';
import type { SagaWithSteps } from './types';

/** Whether a member of `role` may give an approval that asks for `wanted` (owners and admins always may). */
export function mayApprove(role: string | undefined, wanted: string): boolean {
  return role === wanted || role === 'owner' || role === 'admin';
}

/**
 * What the reader may do with the saga as it stands: cancel it (with a reason), retry a step that
 * failed past its retries, resume a failed undo (again, or declared done by hand), approve or refuse,
 * or send the signal it waits for. The server decides; a refusal (409) shows its detail here.
 */
export function SagaActions(props: { saga: SagaWithSteps }) {
  const { saga } = props;
  const me = useMe();
  const canWrite = useCan('write');
  const isAdmin = useCan('administer');
  const canReview = useCan('review');
  const canSignal = canWrite || canReview;
  const wait = saga.status === 'waiting' ? saga.waitingFor : null;
  const cancellable = ['pending', 'running', 'waiting'].includes(saga.status) && !saga.cancelRequested;
  const approvable = wait?.kind === 'approval' && mayApprove(me.data?.role, wait.role);
  const items = [
    approvable ? <ApprovalForm key="approval" sagaId={saga.id} /> : null,
    wait?.kind === 'signal' && canSignal ? (
      <SignalForm key="signal" sagaId={saga.id} name={wait.name} />
    ) : null,
    wait?.kind === 'intervention' && canWrite ? <RetryButton key="retry" sagaId={saga.id} /> : null,
    saga.status === 'compensation_failed' && isAdmin ? <ResumeForm key="resume" sagaId={saga.id} /> : null,
    cancellable && canWrite ? <CancelForm key="cancel" sagaId={saga.id} /> : null,
  ].filter(Boolean);
  if (items.length === 0) return null;
  return (
    <Section id="saga-actions" title="Actions">
      <div className="saga-actions">{items}</div>
    </Section>
  );
}

/** Approve or refuse, with an optional comment kept in the audit trail. */
export function ApprovalForm(props: { sagaId: string; compact?: boolean }) {
  const decide = useDecideApproval(props.sagaId);
  const [comment, setComment] = useState('');
  const name = `approval-comment-${props.sagaId}`;
  return (
    <Form
      className="inline-form"
      aria-label="Approve or refuse"
      onSubmit={() => decide.mutate({ approved: true, comment })}
    >
      <TextField label="Comment" name={name} value={comment} onChange={setComment} placeholder="Optional" />
      <div className="actions">
        <button type="submit" className="primary" disabled={decide.isPending}>
          Approve
        </button>
        <button
          type="button"
          className="danger"
          disabled={decide.isPending}
          onClick={() => decide.mutate({ approved: false, comment })}
        >
          Refuse
        </button>
      </div>
      <FormError error={decide.error} />
    </Form>
  );
}

function SignalForm(props: { sagaId: string; name: string }) {
  const signal = useSignalSaga(props.sagaId);
  const [payload, setPayload] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const send = () => {
    let value: unknown;
    try {
      value = payload.trim() ? JSON.parse(payload) : undefined;
    } catch {
      setInvalid('The payload is not valid JSON.');
      return;
    }
    setInvalid(undefined);
    signal.mutate({ name: props.name, payload: value });
  };
  return (
    <Form className="stacked-form" aria-label={`Send the signal ${props.name}`} onSubmit={send}>
      <TextAreaField
        label={`Payload of “${props.name}” (JSON, optional)`}
        name="saga-signal-payload"
        value={payload}
        onChange={setPayload}
        error={invalid}
        rows={3}
        placeholder='{"build": 42}'
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={signal.isPending}>
          Send signal
        </button>
      </div>
      <FormError error={signal.error} />
    </Form>
  );
}

function RetryButton(props: { sagaId: string }) {
  const retry = useRetrySaga(props.sagaId);
  return (
    <div>
      <button
        type="button"
        className="primary"
        onClick={() => retry.mutate(undefined)}
        disabled={retry.isPending}
      >
        Retry the failed step
      </button>
      <FormError error={retry.error} />
    </div>
  );
}

function ResumeForm(props: { sagaId: string }) {
  const resume = useResumeSaga(props.sagaId);
  const [reason, setReason] = useState('');
  return (
    <Form
      className="stacked-form"
      aria-label="Resume the undo"
      onSubmit={() => resume.mutate({ skip: false, reason })}
    >
      <TextField label="Reason" name="saga-resume-reason" value={reason} onChange={setReason} />
      <div className="actions">
        <button type="submit" className="primary" disabled={resume.isPending}>
          Retry the undo
        </button>
        <button
          type="button"
          disabled={resume.isPending}
          onClick={() => resume.mutate({ skip: true, reason })}
        >
          I undid it by hand
        </button>
      </div>
      <FormError error={resume.error} />
    </Form>
  );
}

function CancelForm(props: { sagaId: string }) {
  const cancel = useCancelSaga(props.sagaId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <div>
        <button type="button" className="danger" onClick={() => setOpen(true)} aria-expanded={false}>
          Cancel saga
        </button>
        <FormError error={cancel.error} />
      </div>
    );
  return (
    <Form
      className="stacked-form"
      aria-label="Cancel the saga"
      onSubmit={() => cancel.mutate(reason, { onSuccess: () => setOpen(false) })}
    >
      <TextField label="Reason" name="saga-cancel-reason" value={reason} onChange={setReason} />
      <SubmitOrCancel label="Cancel and undo" pending={cancel.isPending} onCancel={() => setOpen(false)} />
      <FormError error={cancel.error} />
    </Form>
  );
}
