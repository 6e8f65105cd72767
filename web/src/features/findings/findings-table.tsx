import { ListTable } from '../../components/list-table';
import { FormError, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { useMarkFinding } from './queries';
import type { Finding, FindingStatus } from './types';

const marks: { status: FindingStatus; label: string }[] = [
  { status: 'accepted', label: 'Accept' },
  { status: 'false-positive', label: 'False positive' },
  { status: 'open', label: 'Reopen' },
];

/** Findings as rows: severity, what and where, rule and stream, status, and marks for those who may change them. */
export function FindingsTable(props: { projectId: string; rows: readonly Finding[]; caption: string }) {
  const canWrite = useCan('write');
  const mark = useMarkFinding(props.projectId);
  return (
    <>
      <FormError error={mark.error} />
      <ListTable
        caption={props.caption}
        columns={[
          'Severity',
          'Finding',
          'Location',
          'Rule',
          'Stream',
          'Status',
          'Last seen',
          ...(canWrite ? ['Mark'] : []),
        ]}
      >
        {props.rows.map((finding) => (
          <tr key={finding.id}>
            <td>
              <span className={`status severity-${finding.severity}`}>{finding.severity}</span>
              {finding.disposition === 'blocks' ? <span className="muted"> blocks</span> : null}
            </td>
            <td>
              <span title={finding.details || undefined}>{finding.name}</span>
            </td>
            <td>{finding.location ? <code className="finding-location">{finding.location}</code> : '—'}</td>
            <td>{finding.ruleId ? <code>{finding.ruleId}</code> : '—'}</td>
            <td>{finding.stream ?? '—'}</td>
            <td>
              <span className={`status finding-status-${finding.status}`}>
                {finding.status.replace('-', ' ')}
              </span>
            </td>
            <td>
              <When at={finding.lastSeenAt ?? finding.updatedAt} />
            </td>
            {canWrite ? (
              <td>
                <div className="actions">
                  {marks
                    .filter(
                      (choice) =>
                        choice.status !== finding.status &&
                        (choice.status !== 'open' || finding.status !== 'fixed'),
                    )
                    .map((choice) => (
                      <button
                        key={choice.status}
                        type="button"
                        aria-label={`${choice.label}: ${finding.name}`}
                        disabled={mark.isPending}
                        onClick={() => mark.mutate({ finding, status: choice.status })}
                      >
                        {choice.label}
                      </button>
                    ))}
                </div>
              </td>
            ) : null}
          </tr>
        ))}
      </ListTable>
    </>
  );
}
