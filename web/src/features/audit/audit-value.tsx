import { Fragment } from 'react';
import { useMembers } from '../members/queries';
import { EntityName, ProjectName } from './entity-name';
import { isId } from './labels';
import { useAllProjects } from './queries';

/** Which kind of item an id field points at, when its name says so. */
const pointsAt: Record<string, string> = {
  projectId: 'project',
  prdId: 'prd_review',
  prdReviewId: 'prd_review',
  prd: 'prd_review',
  decisionId: 'decision_log',
  supersededBy: 'decision_log',
  supersedes: 'decision_log',
};
const artifactTypes: Record<string, string> = {
  prd: 'prd_review',
  decision: 'decision_log',
  project: 'project',
};

/** A value as the API stores it, in words where it can be: ids become names, nothing becomes "—". */
export function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value) && value.length === 0) return '—';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1);
}

/** Whether a value holds ids the UI can name (so it is shown by `AuditValue`, not as text). */
export function hasIds(value: unknown): boolean {
  if (isId(value)) return true;
  if (Array.isArray(value))
    return value.some((item) => isId(item) || (typeof item === 'object' && item && 'id' in item));
  return false;
}

/** A field's value with every id in it named: people, projects, decisions and PRDs. */
export function AuditValue(props: { field: string; value: unknown }) {
  const { field, value } = props;
  if (isId(value)) return <IdName field={field} id={value} />;
  if (Array.isArray(value) && hasIds(value))
    return (
      <>
        {value.map((item, index) => (
          <Fragment key={JSON.stringify(item)}>
            {index > 0 ? ', ' : null}
            {isId(item) ? <IdName field={field} id={item} /> : <ArtifactName artifact={item} />}
          </Fragment>
        ))}
      </>
    );
  return <>{show(value)}</>;
}

function ArtifactName(props: { artifact: unknown }) {
  const { artifact } = props;
  if (typeof artifact === 'object' && artifact !== null && 'type' in artifact && 'id' in artifact) {
    const type = typeof artifact.type === 'string' ? artifactTypes[artifact.type] : undefined;
    if (type && isId(artifact.id)) return <EntityName type={type} id={artifact.id} showType />;
  }
  return <>{show(artifact)}</>;
}

/** An id by the name of what it points at: the field's kind when known, else a member or a project. */
function IdName(props: { field: string; id: string }) {
  const members = useMembers();
  const projects = useAllProjects();
  const kind = pointsAt[props.field];
  if (kind === 'project') return <ProjectName id={props.id} />;
  if (kind) return <EntityName type={kind} id={props.id} />;
  const member = members.data?.data.find((candidate) => candidate.user.id === props.id);
  if (member) return <>{member.user.displayName}</>;
  const project = projects.data?.data.find((candidate) => candidate.id === props.id);
  if (project) return <ProjectName id={project.id} />;
  // An id of something the UI does not list (a token, a comment): its start is enough to compare.
  return <code title={props.id}>{props.id.slice(0, 8)}</code>;
}
