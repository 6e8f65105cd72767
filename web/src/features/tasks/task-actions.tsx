import { useState } from 'react';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf, SubmitOrCancel } from '../../components/forms';
import { Section } from '../../components/layout';
import { FormError } from '../../components/ui';
import { useCan } from '../session/permissions';
import { useMe } from '../session/queries';
import { EvidenceForm } from './evidence-form';
import { hasLapsed, transitionLabels, transitionsFrom } from './format';
import { ConditionList, EvaluationVerdict } from './gate-conditions';
import {
  refusedConditions,
  useClaimTask,
  useCompleteTask,
  useEvaluateTask,
  useExtendClaim,
  useReleaseTask,
  useTransitionTask,
} from './queries';
import type { Task } from './types';

const leases = [
  { value: '900', label: '15 minutes' },
  { value: '3600', label: '1 hour' },
  { value: '14400', label: '4 hours' },
  { value: '86400', label: '1 day' },
];

/**
 * What the reader may do with the task: claim or release it, complete it past its gates (a refusal
 * lists each failed condition), override the gates with a reason (admins and owners), or move it to
 * blocked, cancelled or back to open. The server decides; buttons the role may not use are hidden.
 */
export function TaskActions(props: { projectId: string; task: Task }) {
  const { task, projectId } = props;
  const me = useMe();
  const canWrite = useCan('write');
  const isAdmin = useCan('administer');
  const [lease, setLease] = useState('3600');
  const [overriding, setOverriding] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const extend = useExtendClaim(projectId, task.id);
  const claim = useClaimTask(projectId, task.id);
  const release = useReleaseTask(projectId, task.id);
  const complete = useCompleteTask(projectId, task.id);
  const evaluate = useEvaluateTask(projectId, task.id);
  const holds = task.status === 'claimed' && task.assigneeId !== null && task.assigneeId === me.data?.user.id;
  const claimable = task.status === 'open' || (task.status === 'claimed' && hasLapsed(task.claimExpiresAt));
  const completable = (task.status === 'claimed' || task.status === 'in_review') && (holds || isAdmin);
  // A refusal is shown until the task moves on (an override, say) or the reader tries again.
  const refused = completable ? refusedConditions(complete.error) : null;
  if (!canWrite) return null;
  return (
    <Section id="task-actions" title="Actions">
      <div className="actions">
        {claimable ? (
          <Form
            className="inline-form"
            aria-label="Claim the task"
            onSubmit={() => claim.mutate(Number(lease))}
          >
            <SelectField label="For" name="task-lease" value={lease} onChange={setLease} choices={leases} />
            <button type="submit" className="primary" disabled={claim.isPending}>
              Claim
            </button>
          </Form>
        ) : null}
        {holds ? (
          <button type="button" onClick={() => extend.mutate(3600)} disabled={extend.isPending}>
            Extend claim by an hour
          </button>
        ) : null}
        {task.status === 'claimed' && (holds || isAdmin) ? (
          <button type="button" onClick={() => release.mutate(undefined)} disabled={release.isPending}>
            Release
          </button>
        ) : null}
        {task.status === 'claimed' && (holds || isAdmin) ? (
          <button type="button" onClick={() => setAttaching(!attaching)} aria-expanded={attaching}>
            Attach evidence
          </button>
        ) : null}
        {completable ? (
          <>
            {task.status === 'claimed' ? (
              <button
                type="button"
                onClick={() => complete.mutate({ to: 'in_review' })}
                disabled={complete.isPending}
              >
                Send to review
              </button>
            ) : null}
            <button
              type="button"
              className="primary"
              onClick={() => complete.mutate({ to: 'done' })}
              disabled={complete.isPending}
            >
              Complete
            </button>
          </>
        ) : null}
        <button type="button" onClick={() => evaluate.mutate(undefined)} disabled={evaluate.isPending}>
          Evaluate gates
        </button>
        {isAdmin && (task.status === 'claimed' || task.status === 'in_review') ? (
          <button type="button" onClick={() => setOverriding(!overriding)} aria-expanded={overriding}>
            Override gates
          </button>
        ) : null}
      </div>
      <FormError error={claim.error} />
      <FormError error={release.error} />
      <FormError error={extend.error} />
      {attaching ? (
        <EvidenceForm projectId={projectId} taskId={task.id} onDone={() => setAttaching(false)} />
      ) : null}
      <FormError error={evaluate.error} />
      {refused ? (
        <div className="panel gate-verdict gate-failed" role="alert" aria-label="Completion refused">
          <p>
            <strong>Completion refused</strong>:{' '}
            {complete.error instanceof Error ? complete.error.message : ''}
          </p>
          <ConditionList conditions={refused} label="Failed conditions" />
        </div>
      ) : overriding ? null : (
        <FormError error={complete.error} />
      )}
      {evaluate.data ? (
        <div className="panel" role="status">
          <p>
            <EvaluationVerdict evaluation={evaluate.data} />
          </p>
          <ConditionList conditions={evaluate.data.conditions} label="Evaluated conditions" />
        </div>
      ) : null}
      {overriding && isAdmin ? (
        <OverrideForm
          projectId={projectId}
          task={task}
          onDone={() => {
            setOverriding(false);
            complete.reset();
          }}
        />
      ) : null}
      <TransitionForm projectId={projectId} task={task} />
    </Section>
  );
}

/** Completes the task though its gates fail: an admin's or owner's call, with the reason kept on the task. */
function OverrideForm(props: { projectId: string; task: Task; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [to, setTo] = useState<'done' | 'in_review'>('done');
  const complete = useCompleteTask(props.projectId, props.task.id);
  const errors = fieldErrorsOf(complete.error);
  return (
    <Form
      className="panel"
      aria-label="Override the gates"
      onSubmit={() => complete.mutate({ to, overrideReason: reason.trim() }, { onSuccess: props.onDone })}
    >
      <TextAreaField
        label="Reason for the override"
        name="override-reason"
        value={reason}
        onChange={setReason}
        rows={2}
        hint="Kept on the task and in its gate evaluation for everyone to see"
        error={fieldError(errors, 'override.reason') ?? fieldError(errors, 'override')}
      />
      <SelectField
        label="Move to"
        name="override-to"
        value={to}
        onChange={(value) => setTo(value === 'in_review' ? 'in_review' : 'done')}
        choices={[
          { value: 'done', label: 'Done' },
          { value: 'in_review', label: 'In review' },
        ]}
      />
      {Object.keys(errors).length === 0 ? <FormError error={complete.error} /> : null}
      <SubmitOrCancel
        label="Override and complete"
        pending={complete.isPending || !reason.trim()}
        onCancel={props.onDone}
      />
    </Form>
  );
}

/** The moves no gate guards: block, cancel or reopen, with an optional reason. */
function TransitionForm(props: { projectId: string; task: Task }) {
  const [reason, setReason] = useState('');
  const transition = useTransitionTask(props.projectId, props.task.id);
  const moves = transitionsFrom(props.task.status);
  if (moves.length === 0) return null;
  return (
    <Form className="inline-form" aria-label="Change the status" onSubmit={() => undefined}>
      <TextField label="Reason (optional)" name="transition-reason" value={reason} onChange={setReason} />
      {moves.map((to) => (
        <button
          key={to}
          type="button"
          disabled={transition.isPending}
          onClick={() =>
            transition.mutate({ to, reason: reason.trim() || undefined }, { onSuccess: () => setReason('') })
          }
        >
          {transitionLabels[to]}
        </button>
      ))}
      <FormError error={transition.error} />
    </Form>
  );
}
