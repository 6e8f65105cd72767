import { Link } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { type ContractKey, useVersionPages } from './queries';
import { ChangeCounts, ReviewState } from './verdict';

/**
 * The versions uploaded, newest first: label, commit, who uploaded it and when, its changes against
 * the version before and their review. Uploading the latest document again stores nothing, so every
 * row is a different document.
 */
export function VersionsTimeline(props: { contractKey: ContractKey }) {
  const versions = useVersionPages(props.contractKey);
  const nameOf = useNameOf();
  const base = `/projects/${props.contractKey.projectId}/contracts/${props.contractKey.contractId}`;
  return (
    <Section id="versions" title="Versions">
      <CursorList list={versions} what="versions" empty={<Empty>No version uploaded yet.</Empty>}>
        {(rows) => (
          <ListTable
            stacked
            caption="Versions, newest first"
            columns={['Version', 'Commit', 'Uploaded by', 'When', 'Changes', 'Review']}
          >
            {rows.map((version, index) => (
              <tr key={version.id}>
                <td data-label="Version">
                  <Link href={`${base}/versions/${version.id}`}>{version.label}</Link>
                  {index === 0 ? <span className="muted"> (latest)</span> : null}
                </td>
                <td data-label="Commit">
                  {version.commitSha ? <code>{version.commitSha.slice(0, 12)}</code> : '—'}
                </td>
                <td data-label="Uploaded by">{nameOf(version.uploadedBy)}</td>
                <td data-label="When">
                  <When at={version.createdAt} />
                </td>
                <td data-label="Changes">
                  <ChangeCounts version={version} />
                </td>
                <td data-label="Review">
                  <ReviewState review={version.review} />
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </Section>
  );
}
