import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';

/** The trail above a task screen: the project, its tasks unless this is that page, then the task. */
export function TaskCrumbs(props: { projectId: string; task?: { id: string; key: string } }) {
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.task ? <Crumb href={taskHrefs.board(props.projectId)}>Tasks</Crumb> : null}
      {props.task ? (
        <Crumb href={taskHrefs.task(props.projectId, props.task.id)}>{props.task.key}</Crumb>
      ) : null}
    </ProjectCrumbs>
  );
}

/** Where the board and a task live in the UI. */
export const taskHrefs = {
  board: (projectId: string) => `/projects/${projectId}/tasks`,
  task: (projectId: string, id: string) => `/projects/${projectId}/tasks/${id}`,
};
