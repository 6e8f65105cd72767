import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, Query, Status, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { formatDuration, isSyncing } from './format';
import { useSyncNow, useSyncRuns } from './settings-queries';

/** "Sync now" and the latest sync runs, refreshed every 2 s while one is queued or running. */
export function SyncSection(props: { projectId: string }) {
  const canWrite = useCan('write');
  const runs = useSyncRuns(props.projectId);
  const sync = useSyncNow(props.projectId);
  const busy = runs.data?.data.some((run) => isSyncing(run.status)) ?? false;
  return (
    <Section id="delivery-sync" title="Sync runs">
      {canWrite ? (
        <p className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => sync.mutate(undefined)}
            disabled={sync.isPending || busy}
          >
            Sync now
          </button>
          {busy ? <span role="status">Syncing…</span> : null}
        </p>
      ) : null}
      <FormError error={sync.error} />
      <Query query={runs} what="sync runs">
        {(data) =>
          data.data.length === 0 ? (
            <Empty>No sync yet.</Empty>
          ) : (
            <ListTable
              caption="Sync runs, newest first"
              columns={['Started', 'Status', 'Phase', 'Pages', 'Created', 'Updated', 'Took', 'Errors']}
            >
              {data.data.map((run) => (
                <tr key={run.id}>
                  <td>
                    <When at={run.startedAt ?? run.createdAt} />
                  </td>
                  <td>
                    <Status value={run.status} />
                  </td>
                  <td>{run.phase ?? '—'}</td>
                  <td>{run.pages}</td>
                  <td>{run.created}</td>
                  <td>{run.updated}</td>
                  <td>{formatDuration(run.durationMs)}</td>
                  <td>
                    {run.errors.length === 0 ? (
                      'None'
                    ) : (
                      <ul className="plain">
                        {run.errors.map((error) => (
                          <li key={`${error.at}-${error.message}`} className="error">
                            {error.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </ListTable>
          )
        }
      </Query>
    </Section>
  );
}
