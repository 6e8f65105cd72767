import { Link } from 'wouter';
import { When } from '../../components/ui';
import { useMe } from '../session/queries';
import { taskHrefs } from './crumbs';
import { hasLapsed, sourceLabels } from './format';
import { useEvaluations } from './queries';
import type { Task } from './types';

/** Who holds a task and until when; a lapsed claim says so (the job returns it to open shortly). */
export function Holder(props: { task: Task }) {
  const { task } = props;
  const me = useMe();
  if (!task.assignee) return <span className="muted">Nobody holds it</span>;
  const mine = task.assignee.id === me.data?.user.id;
  const who = `${task.assignee.displayName}${mine ? ' (you)' : task.assignee.kind === 'agent' ? ' (agent)' : ''}`;
  if (task.status !== 'claimed') return <span>Last held by {who}</span>;
  return (
    <span>
      Held by <strong>{who}</strong>{' '}
      {task.claimExpiresAt ? (
        <>
          {hasLapsed(task.claimExpiresAt) ? 'lapsed at' : 'until'} <When at={task.claimExpiresAt} />
        </>
      ) : null}
    </span>
  );
}

/** Where a task came from, in a few words: `Requirement FR-003`, `Readiness check flags.owned`. */
export function SourceLine(props: { task: Task }) {
  const { source } = props.task;
  return (
    <span>
      {sourceLabels[source.kind]}
      {source.key ? (
        <>
          {' '}
          <code>{source.key}</code>
        </>
      ) : null}
    </span>
  );
}

/** One task on the board: its key and title, source, holder and its last gate result with the reasons. */
export function TaskCard(props: { projectId: string; task: Task }) {
  const { task } = props;
  const label = `${task.key} ${task.title}`;
  return (
    <li className="task-card">
      <article aria-label={label}>
        <p>
          <Link href={taskHrefs.task(props.projectId, task.id)}>
            <strong>{task.key}</strong> {task.title}
          </Link>
        </p>
        <p className="muted">
          <SourceLine task={task} />
          {task.status === 'blocked' || task.status === 'cancelled' ? ` · ${task.status}` : ''}
        </p>
        <p className="task-holder">
          <Holder task={task} />
        </p>
        <LastGate projectId={props.projectId} task={task} />
      </article>
    </li>
  );
}

/** The task's latest gate evaluation, its failed conditions listed; nothing before any evaluation. */
function LastGate(props: { projectId: string; task: Task }) {
  const evaluations = useEvaluations(props.projectId, props.task.id, 1);
  const last = evaluations.data?.data[0];
  if (!last) return null;
  const failed = last.conditions.filter((condition) => !condition.passed);
  const verdict = last.overridden ? 'Gates overridden' : last.passed ? 'Gates passed' : 'Gates failed';
  return (
    <div className="task-gate">
      <span
        className={`status ${last.overridden ? 'test-status-broken' : last.passed ? 'test-status-passed' : 'test-status-failed'}`}
      >
        {verdict}
      </span>
      {failed.length > 0 ? (
        <ul aria-label={`Why the gates of ${props.task.key} failed`}>
          {failed.map((condition) => (
            <li key={`${condition.gateId ?? condition.kind}-${condition.message}`}>
              {condition.gateName ? `${condition.gateName}: ` : ''}
              {condition.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
