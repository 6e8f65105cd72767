import { useState } from 'react';
import { ConfirmDialog } from './confirm-dialog';
import { useKillFlag } from './queries';
import type { FlagDetail } from './types';

/** The kill switch: the flag off in every environment at once, with a reason kept in the audit trail. */
export function KillSwitch(props: { projectId: string; flag: FlagDetail }) {
  const [asking, setAsking] = useState(false);
  const kill = useKillFlag(props.projectId, props.flag.key);
  const on = props.flag.environments.filter((config) => config.enabled).map((config) => config.environment);
  return (
    <>
      <button type="button" className="danger" onClick={() => setAsking(true)} aria-haspopup="dialog">
        Kill switch
      </button>
      <ConfirmDialog
        open={asking}
        title={`Turn ${props.flag.key} off everywhere?`}
        confirmLabel="Kill the flag"
        danger
        reasonLabel="Reason (kept in the audit trail)"
        pending={kill.isPending}
        error={kill.error}
        onConfirm={(reason) => kill.mutate(reason, { onSuccess: () => setAsking(false) })}
        onCancel={() => setAsking(false)}
      >
        <p>
          {on.length
            ? `It is on in ${on.join(', ')}; every environment serves its default value from now on.`
            : 'It is off everywhere already; killing it records the exercise of its kill switch.'}
        </p>
      </ConfirmDialog>
    </>
  );
}
