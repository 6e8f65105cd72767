import { bindFields, TextAreaField, TextField } from '../../components/fields';
import { Form, hasGeneralError, SubmitOrCancel } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { type CheckOutcome, useDisableCheck, useWaive } from './queries';

/** `YYYY-MM-DD`, `days` from today in the reader's calendar. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The end of the chosen day in the reader's zone; an empty or bad date goes as is, for the API to name. */
function endOfDay(day: string): string {
  const date = new Date(`${day}T23:59:59`);
  return Number.isNaN(date.getTime()) ? day : date.toISOString();
}

/** Waives a failing check until a date, with the reason it may fail for now. */
export function WaiveForm(props: { projectId: string; check: CheckOutcome; onDone: () => void }) {
  const waive = useWaive(props.projectId);
  const [values, set] = useValues({ reason: '', expiresAt: dayFromToday(30) });
  const field = bindFields({ values, set, error: waive.error, prefix: `waive-${props.check.id}` });
  const submit = () =>
    waive.mutate(
      { checkId: props.check.id, reason: values.reason.trim(), expiresAt: endOfDay(values.expiresAt) },
      { onSuccess: props.onDone },
    );
  return (
    <Form onSubmit={submit} aria-label={`Waive ${props.check.title}`} className="action-form">
      <TextAreaField
        label="Reason"
        hint="Why the check may fail for now, and what makes it acceptable"
        rows={2}
        {...field('reason')}
      />
      <TextField label="Expires on" type="date" hint="At most a year ahead" {...field('expiresAt')} />
      {hasGeneralError(waive.error, ['reason', 'expiresAt']) ? <FormError error={waive.error} /> : null}
      <SubmitOrCancel label="Waive check" pending={waive.isPending} onCancel={props.onDone} />
    </Form>
  );
}

/** Turns a check off for every project of the workspace, with the reason it does not matter here. */
export function DisableCheckForm(props: { projectId: string; check: CheckOutcome; onDone: () => void }) {
  const disable = useDisableCheck();
  const [values, set] = useValues({ reason: '' });
  const field = bindFields({ values, set, error: disable.error, prefix: `disable-${props.check.id}` });
  const submit = () =>
    disable.mutate({ checkId: props.check.id, reason: values.reason.trim() }, { onSuccess: props.onDone });
  return (
    <Form onSubmit={submit} aria-label={`Disable ${props.check.title}`} className="action-form">
      <TextAreaField
        label="Reason"
        hint="Why this check does not matter in this workspace; it stops counting in every project"
        rows={2}
        {...field('reason')}
      />
      {hasGeneralError(disable.error, ['reason']) ? <FormError error={disable.error} /> : null}
      <SubmitOrCancel label="Disable check" pending={disable.isPending} onCancel={props.onDone} />
    </Form>
  );
}
