import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';

/** The trail above a findings screen: the project, its findings unless this is that page, then sets. */
export function FindingCrumbs(props: { projectId: string; inFindings?: boolean; inSets?: boolean }) {
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.inFindings || props.inSets ? (
        <Crumb href={findingHrefs.list(props.projectId)}>Findings</Crumb>
      ) : null}
      {props.inSets ? <Crumb href={findingHrefs.sets(props.projectId)}>Finding sets</Crumb> : null}
    </ProjectCrumbs>
  );
}

/** Where findings and finding sets live in the UI. */
export const findingHrefs = {
  list: (projectId: string) => `/projects/${projectId}/findings`,
  sets: (projectId: string) => `/projects/${projectId}/findings/sets`,
  set: (projectId: string, setId: string) => `/projects/${projectId}/findings/sets/${setId}`,
};
