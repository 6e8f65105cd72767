import { Link } from 'wouter';
import { When } from '../../components/ui';
import { type ContractKey, useLatestVersion } from './queries';
import { ChangeCounts, ReviewState } from './verdict';

/** What the cells of a contract's row say about its newest version. */
export type LatestField = 'version' | 'uploaded' | 'changes' | 'review' | 'summary';

/**
 * One fact of a contract's newest version (its label, when it came, its changes by level or its
 * review), read once per contract however many cells show it.
 */
export function LatestVersion(props: { contract: ContractKey; field: LatestField }) {
  const latest = useLatestVersion(props.contract);
  if (latest.isPending) return <span className="muted">…</span>;
  if (latest.error) return <span className="error">not loaded</span>;
  const version = latest.data;
  if (!version)
    return ['version', 'summary'].includes(props.field) ? (
      <span className="muted">none uploaded</span>
    ) : (
      <>—</>
    );
  const link = (
    <Link
      href={`/projects/${props.contract.projectId}/contracts/${props.contract.contractId}/versions/${version.id}`}
    >
      {version.label}
    </Link>
  );
  switch (props.field) {
    case 'version':
      return link;
    case 'summary':
      return (
        <>
          {link} <ChangeCounts version={version} /> <ReviewState review={version.review} />
        </>
      );
    case 'uploaded':
      return <When at={version.createdAt} />;
    case 'changes':
      return <ChangeCounts version={version} />;
    default:
      return <ReviewState review={version.review} />;
  }
}
