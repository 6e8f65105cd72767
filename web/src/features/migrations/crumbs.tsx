import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';

/** The trail above a migrations screen: the project, then its migrations unless this is that page. */
export function MigrationCrumbs(props: { projectId: string; inMigrations?: boolean }) {
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.inMigrations ? <Crumb href={`/projects/${props.projectId}/migrations`}>Migrations</Crumb> : null}
    </ProjectCrumbs>
  );
}
