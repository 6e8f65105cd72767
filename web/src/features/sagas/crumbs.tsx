import { Link } from 'wouter';
import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';

/** Where sagas and release workflows live in the UI. */
export const sagaHrefs = {
  all: () => '/sagas',
  project: (projectId: string) => `/projects/${projectId}/sagas`,
  saga: (id: string) => `/sagas/${id}`,
  workflows: (projectId: string) => `/projects/${projectId}/release-workflows`,
  workflow: (projectId: string, key: string) =>
    `/projects/${projectId}/release-workflows/${encodeURIComponent(key)}`,
};

/** The trail above a release workflow screen: the project, its workflows, then the workflow. */
export function WorkflowCrumbs(props: { projectId: string; workflow?: { key: string; name: string } }) {
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.workflow ? <Crumb href={sagaHrefs.workflows(props.projectId)}>Release workflows</Crumb> : null}
    </ProjectCrumbs>
  );
}

/** The trail above a saga: the project's sagas when it works on one, else all sagas. */
export function SagaCrumbs(props: { projectId: string | null }) {
  if (props.projectId)
    return (
      <ProjectCrumbs projectId={props.projectId}>
        <Crumb href={sagaHrefs.project(props.projectId)}>Sagas</Crumb>
      </ProjectCrumbs>
    );
  return <Link href={sagaHrefs.all()}>Sagas</Link>;
}
