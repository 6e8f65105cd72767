import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';

/** The trail above a test screen: the project, its test runs unless this is that page, then the run. */
export function TestCrumbs(props: {
  projectId: string;
  inTests?: boolean;
  run?: { id: string; name: string };
}) {
  const base = `/projects/${props.projectId}/tests`;
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.inTests || props.run ? <Crumb href={base}>Test runs</Crumb> : null}
      {props.run ? <Crumb href={`${base}/runs/${props.run.id}`}>{props.run.name}</Crumb> : null}
    </ProjectCrumbs>
  );
}

/** Where a run and a scenario live in the UI. */
export const testHrefs = {
  runs: (projectId: string) => `/projects/${projectId}/tests`,
  run: (projectId: string, runId: string) => `/projects/${projectId}/tests/runs/${runId}`,
  scenario: (projectId: string, runId: string, scenarioId: string) =>
    `/projects/${projectId}/tests/runs/${runId}/scenarios/${scenarioId}`,
};
