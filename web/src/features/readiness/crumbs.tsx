import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';

/** The trail above a readiness screen: the project, and its scorecard unless this is that page. */
export function ReadinessCrumbs(props: { projectId: string; inScorecard?: boolean }) {
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.inScorecard ? <Crumb href={`/projects/${props.projectId}/readiness`}>Readiness</Crumb> : null}
    </ProjectCrumbs>
  );
}
