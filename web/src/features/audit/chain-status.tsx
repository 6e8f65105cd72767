import { Section } from '../../components/layout';
import { FormError, Query, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { useChainStatus, useSignCheckpoint } from './queries';

const problems: Record<string, string> = {
  sequence_gap: 'an event is missing from the sequence',
  prev_hash_mismatch: 'an event does not point at the one before it',
  hash_mismatch: 'an event was changed after it was written',
  checkpoint_mismatch: 'the chain no longer matches a signed checkpoint',
  checkpoint_signature_invalid: 'a checkpoint’s signature is not valid',
  checkpoint_key_unknown: 'a checkpoint was signed with an unknown key',
  events_missing: 'events a checkpoint covers are missing',
  head_mismatch: 'the chain’s head does not match its last event',
};

/** Whether the audit trail is intact: the hash chain recomputed, and the latest signed checkpoint. */
export function ChainStatus() {
  const status = useChainStatus();
  const canSign = useCan('administer');
  const sign = useSignCheckpoint();
  return (
    <Section id="chain-status" title="Integrity">
      <Query query={status} what="the chain's verification">
        {(report) => (
          <div className={report.ok ? 'chain-status ok' : 'chain-status broken'} role="status">
            <p>
              <strong>{report.ok ? 'Chain verified' : 'Chain broken'}</strong>:{' '}
              {report.ok
                ? `all ${report.eventsChecked} events recompute, up to event #${report.headSequence}.`
                : `at event #${report.firstBroken?.sequence}, ${problems[report.firstBroken?.problem ?? ''] ?? report.firstBroken?.problem}.`}
            </p>
            <p className="muted">
              {report.lastCheckpointSequence === null
                ? 'No signed checkpoint yet.'
                : `Latest signed checkpoint: event #${report.lastCheckpointSequence} (${report.checkpointsChecked} checked).`}{' '}
              {sign.data ? (
                <>
                  Signed event #{sign.data.sequence} <When at={sign.data.createdAt} />.
                </>
              ) : null}
            </p>
            {report.firstBroken?.detail ? <p>{report.firstBroken.detail}</p> : null}
            <p className="actions">
              <button type="button" onClick={() => status.refetch()} disabled={status.isFetching}>
                Verify again
              </button>
              {canSign ? (
                <button type="button" onClick={() => sign.mutate()} disabled={sign.isPending}>
                  Sign a checkpoint now
                </button>
              ) : null}
            </p>
            <FormError error={sign.error} />
          </div>
        )}
      </Query>
    </Section>
  );
}
