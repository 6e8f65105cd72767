import { Link } from 'wouter';
import { Empty } from '../../components/ui';
import { usePrdLookup } from '../prds/queries';
import { type Decision, useDecision } from './queries';

type Artifact = Decision['relatedArtifacts'][number];

/** What the decision links to: PRDs, decisions, projects, pages, tickets. */
export function RelatedArtifacts(props: { decision: Decision }) {
  const d = props.decision;
  return (
    <>
      <h2>Related artifacts</h2>
      {d.relatedArtifacts.length === 0 ? (
        <Empty>No links.</Empty>
      ) : (
        <ul>
          {d.relatedArtifacts.map((artifact) => (
            <li key={JSON.stringify(artifact)}>
              <ArtifactLink artifact={artifact} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ArtifactLink(props: { artifact: Artifact }) {
  const { artifact } = props;
  const label = artifact.title || artifact.type;
  switch (artifact.type) {
    case 'prd':
      return <PrdLink id={artifact.id} title={artifact.title} />;
    case 'decision':
      return <DecisionLink id={artifact.id} />;
    case 'project':
      return <Link href={`/projects/${artifact.id}`}>Project: {label}</Link>;
    case 'url':
      return (
        <a href={artifact.url} rel="noreferrer noopener" target="_blank">
          {artifact.title || artifact.url}
        </a>
      );
    case 'jira':
      return <span>Jira {artifact.key}</span>;
    default:
      return (
        <span>
          {artifact.type.replace(/_/g, ' ')}: {artifact.ref}
        </span>
      );
  }
}

/** A PRD by id: found across projects, so the link can name its project's route. */
function PrdLink(props: { id: string; title?: string }) {
  const prd = usePrdLookup(props.id);
  return prd.data ? (
    <Link href={`/projects/${prd.data.projectId}/prds/${props.id}`}>
      PRD: {props.title || prd.data.title}
    </Link>
  ) : (
    <span>PRD: {props.title || props.id}</span>
  );
}

/** Another decision by its reference and current title, or said to be gone when it no longer exists. */
function DecisionLink(props: { id: string }) {
  const decision = useDecision(props.id);
  if (decision.data)
    return (
      <Link href={`/decisions/${props.id}`}>
        Decision: {decision.data.reference} {decision.data.title}
      </Link>
    );
  return <span>Decision: {decision.isPending ? '…' : 'no longer exists'}</span>;
}
