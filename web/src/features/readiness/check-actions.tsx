import { useState } from 'react';
import { FormError } from '../../components/ui';
import { useCan } from '../session/permissions';
import { DisableCheckForm, WaiveForm } from './check-forms';
import { type CheckOutcome, useDisabledChecks, useEnableCheck, useRevokeWaiver } from './queries';

type Open = 'waive' | 'disable' | null;

/**
 * What an administrator can do with a check: waive it while it fails, revoke its waiver, disable it
 * for the workspace or enable it again. Other roles see no actions: the server would refuse them.
 */
export function CheckActions(props: { projectId: string; check: CheckOutcome }) {
  const { check, projectId } = props;
  const canAdminister = useCan('administer');
  const [open, setOpen] = useState<Open>(null);
  if (!canAdminister) return null;
  const failing = check.status === 'fail' || check.status === 'unknown';
  const toggle = (which: Open) => setOpen(open === which ? null : which);
  return (
    <div className="check-actions">
      <div className="actions">
        {failing ? (
          <button type="button" onClick={() => toggle('waive')} aria-expanded={open === 'waive'}>
            Waive
          </button>
        ) : null}
        {check.waiver ? <RevokeButton projectId={projectId} waiverId={check.waiver.id} /> : null}
        {check.status === 'disabled' ? (
          <EnableButton checkId={check.id} />
        ) : (
          <button type="button" onClick={() => toggle('disable')} aria-expanded={open === 'disable'}>
            Disable for the workspace
          </button>
        )}
      </div>
      {open === 'waive' ? (
        <WaiveForm projectId={projectId} check={check} onDone={() => setOpen(null)} />
      ) : null}
      {open === 'disable' ? (
        <DisableCheckForm projectId={projectId} check={check} onDone={() => setOpen(null)} />
      ) : null}
    </div>
  );
}

function RevokeButton(props: { projectId: string; waiverId: string }) {
  const revoke = useRevokeWaiver(props.projectId);
  return (
    <>
      <button type="button" onClick={() => revoke.mutate(props.waiverId)} disabled={revoke.isPending}>
        Revoke waiver
      </button>
      <FormError error={revoke.error} />
    </>
  );
}

/** Enables a disabled check again: the disabled checks' list gives the id to delete. */
function EnableButton(props: { checkId: string }) {
  const disabled = useDisabledChecks();
  const enable = useEnableCheck();
  const entry = disabled.data?.data.find((candidate) => candidate.checkId === props.checkId);
  return (
    <>
      <button
        type="button"
        onClick={() => entry && enable.mutate(entry.id)}
        disabled={!entry || enable.isPending}
      >
        Enable again
      </button>
      <FormError error={enable.error ?? disabled.error} />
    </>
  );
}
