import { useState } from 'react';
import { bindFields, TextAreaField } from '../../components/fields';
import { Form, hasGeneralError, SubmitOrCancel } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useCan } from '../session/permissions';
import { type AreaScore, useMarkNotApplicable, useNotApplicableAreas, useUndoNotApplicable } from './queries';

/**
 * Marks the area as not applicable to the project (its checks stop counting), or undoes the mark.
 * People who may write the plan may do both; others only read the reason.
 */
export function NotApplicableControl(props: { projectId: string; area: AreaScore }) {
  const { area, projectId } = props;
  const canWrite = useCan('write');
  if (!area.applicable) {
    return (
      <div className="panel not-applicable">
        <p>
          Not applicable to this project: <span className="reason">{area.notApplicableReason}</span>
        </p>
        {canWrite ? <UndoButton projectId={projectId} slug={area.slug} /> : null}
      </div>
    );
  }
  return canWrite ? <MarkControl projectId={projectId} area={area} /> : null;
}

/** The button that opens the form; it leaves with the form once the area is marked. */
function MarkControl(props: { projectId: string; area: AreaScore }) {
  const { area, projectId } = props;
  const [open, setOpen] = useState(false);
  return (
    <div className="not-applicable">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
        Mark not applicable
      </button>
      {open ? <MarkForm projectId={projectId} area={area} onDone={() => setOpen(false)} /> : null}
    </div>
  );
}

function MarkForm(props: { projectId: string; area: AreaScore; onDone: () => void }) {
  const mark = useMarkNotApplicable(props.projectId);
  const [values, set] = useValues({ reason: '' });
  const field = bindFields({ values, set, error: mark.error, prefix: 'not-applicable' });
  const submit = () =>
    mark.mutate({ area: props.area.slug, reason: values.reason.trim() }, { onSuccess: props.onDone });
  return (
    <Form onSubmit={submit} aria-label={`Mark ${props.area.title} not applicable`} className="action-form">
      <TextAreaField
        label="Reason"
        hint="Why the project needs no plan in this area"
        rows={2}
        {...field('reason')}
      />
      {hasGeneralError(mark.error, ['reason']) ? <FormError error={mark.error} /> : null}
      <SubmitOrCancel label="Mark not applicable" pending={mark.isPending} onCancel={props.onDone} />
    </Form>
  );
}

/** Undoes the mark: the project's marks give the id to delete. */
function UndoButton(props: { projectId: string; slug: string }) {
  const marks = useNotApplicableAreas(props.projectId);
  const undo = useUndoNotApplicable(props.projectId);
  const mark = marks.data?.data.find((candidate) => candidate.area === props.slug);
  return (
    <>
      <button type="button" onClick={() => mark && undo.mutate(mark.id)} disabled={!mark || undo.isPending}>
        Undo: the area applies
      </button>
      <FormError error={undo.error ?? marks.error} />
    </>
  );
}
