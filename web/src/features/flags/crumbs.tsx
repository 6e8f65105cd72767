import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';

/** The trail above a flags screen: the project, then its feature flags unless this is that page. */
export function FlagCrumbs(props: { projectId: string; inFlags?: boolean }) {
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.inFlags ? <Crumb href={`/projects/${props.projectId}/flags`}>Feature flags</Crumb> : null}
    </ProjectCrumbs>
  );
}
