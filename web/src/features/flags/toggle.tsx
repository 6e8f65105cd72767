import { useState } from 'react';
import { FormError } from '../../components/ui';
import { ConfirmDialog } from './confirm-dialog';
import { useToggleFlag } from './queries';

/**
 * A flag's on/off switch in one environment. In a production environment it asks first, naming the
 * flag and the environment, since the change reaches users at once.
 */
export function FlagToggle(props: {
  projectId: string;
  flagKey: string;
  environment: string;
  production: boolean;
  enabled: boolean;
  disabled?: boolean;
}) {
  const toggle = useToggleFlag(props.projectId);
  const [asking, setAsking] = useState(false);
  const next = !props.enabled;
  const apply = () =>
    toggle.mutate(
      { key: props.flagKey, environment: props.environment, enabled: next },
      { onSuccess: () => setAsking(false) },
    );
  return (
    <>
      <button
        type="button"
        role="switch"
        aria-checked={props.enabled}
        aria-label={`${props.flagKey} in ${props.environment}`}
        className={props.enabled ? 'flag-switch on' : 'flag-switch'}
        disabled={props.disabled || toggle.isPending}
        onClick={() => (props.production ? setAsking(true) : apply())}
      >
        {props.enabled ? 'On' : 'Off'}
      </button>
      {asking ? null : <FormError error={toggle.error} />}
      <ConfirmDialog
        open={asking}
        title={`Turn ${props.flagKey} ${next ? 'on' : 'off'} in ${props.environment}?`}
        confirmLabel={next ? 'Turn on' : 'Turn off'}
        danger={!next}
        pending={toggle.isPending}
        error={toggle.error}
        onConfirm={apply}
        onCancel={() => setAsking(false)}
      >
        <p>{props.environment} is a production environment: every user of it sees the change at once.</p>
      </ConfirmDialog>
    </>
  );
}
