import { Link } from 'wouter';
import { When } from '../../components/ui';
import { entityHref } from './entities';
import { useEntitySummary } from './entity-summary';
import { typeLabel } from './labels';
import { useAllProjects } from './queries';

/** An audited item by its name, linked to its page, or said to be deleted (and when). */
export function EntityName(props: { type: string; id: string; showType?: boolean }) {
  const summary = useEntitySummary(props.type, props.id);
  const kind = props.showType ? <span className="muted">{typeLabel(props.type)} </span> : null;
  if (summary.isPending) return <span className="muted">…</span>;
  if (summary.deletedAt)
    return (
      <span>
        {kind}
        <Link href={`/audit/${props.type}/${props.id}`}>{summary.name}</Link>{' '}
        <span className="muted">
          (deleted on <When at={summary.deletedAt} />)
        </span>
      </span>
    );
  return (
    <span>
      {kind}
      <Link href={entityHref(props.type, props.id, summary.state)}>{summary.name}</Link>
    </span>
  );
}

/** A project by name; one no longer listed is named from the audit trail. */
export function ProjectName(props: { id: string | null | undefined }) {
  const projects = useAllProjects();
  if (!props.id) return <span className="muted">Workspace</span>;
  const project = projects.data?.data.find((candidate) => candidate.id === props.id);
  if (project) return <Link href={`/projects/${project.id}`}>{project.name}</Link>;
  if (projects.isPending) return <span className="muted">…</span>;
  return <EntityName type="project" id={props.id} />;
}

/** The project an audited item belongs to. */
export function EntityProject(props: { type: string; id: string }) {
  const summary = useEntitySummary(props.type, props.id);
  if (summary.isPending) return <span className="muted">…</span>;
  return <ProjectName id={summary.projectId} />;
}
