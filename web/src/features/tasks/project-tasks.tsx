import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { taskHrefs } from './crumbs';
import { boardColumns } from './format';
import { useTasks } from './queries';

const noFilters = { sourceKind: '', assigneeId: '', q: '' };

/** The project's tasks counted by column, and the way to the board; part of the project's page. */
export function ProjectTasks(props: { projectId: string }) {
  const tasks = useTasks(props.projectId, noFilters);
  return (
    <Section id="project-tasks" title="Tasks">
      <Query query={tasks} what="tasks">
        {(data) => {
          const rows = data.pages.flatMap((page) => page.data);
          if (rows.length === 0) return <p className="muted">No tasks yet.</p>;
          const more = data.pages.at(-1)?.nextCursor ? ' (first 100)' : '';
          return (
            <p>
              {boardColumns
                .map(
                  (column) =>
                    `${column.title}: ${rows.filter((task) => column.statuses.includes(task.status)).length}`,
                )
                .join(' · ')}
              {more}
            </p>
          );
        }}
      </Query>
      <p className="actions">
        <Link href={taskHrefs.board(props.projectId)}>Tasks board</Link>
      </p>
    </Section>
  );
}
