import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { TextAreaField } from '../../components/fields';
import { Form } from '../../components/forms';
import { FormError } from '../../components/ui';

/**
 * A modal question before an act that reaches users (a production toggle, the kill switch). When
 * `reasonLabel` is given the act needs a reason, kept in the audit trail; Escape or Cancel closes.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  reasonLabel?: string;
  pending?: boolean;
  error?: unknown;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (props.open && !dialog.current?.open) {
      setReason('');
      setMissing(false);
      dialog.current?.showModal();
    } else if (!props.open) dialog.current?.close();
  }, [props.open]);
  const submit = () => {
    if (props.reasonLabel && !reason.trim()) {
      setMissing(true);
      return;
    }
    props.onConfirm(reason.trim());
  };
  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={props.onCancel}>
      {props.open ? (
        <Form onSubmit={submit} aria-labelledby={titleId}>
          <h2 id={titleId}>{props.title}</h2>
          {props.children}
          {props.reasonLabel ? (
            <TextAreaField
              label={props.reasonLabel}
              name={`${titleId}-reason`}
              rows={3}
              value={reason}
              onChange={setReason}
              error={missing ? 'A reason is required.' : undefined}
            />
          ) : null}
          <FormError error={props.error} />
          <p className="actions">
            <button type="submit" className={props.danger ? 'danger' : 'primary'} disabled={props.pending}>
              {props.confirmLabel}
            </button>
            <button type="button" onClick={props.onCancel}>
              Cancel
            </button>
          </p>
        </Form>
      ) : null}
    </dialog>
  );
}
