import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { Page, Section } from '../../components/layout';
import { Empty, Query, Status, When } from '../../components/ui';
import { EventChanges } from '../audit/field-changes';
import { eventLabel } from '../audit/labels';
import { useEntityHistory } from '../audit/queries';
import { findingHrefs } from '../findings/crumbs';
import { useNameOf } from '../members/queries';
import { useCan } from '../session/permissions';
import { testHrefs } from '../test-evidence/crumbs';
import { isWebUrl, shortCommit } from '../test-evidence/format';
import { useQualityGates, useTestRun } from '../test-evidence/queries';
import { TaskCrumbs } from './crumbs';
import { statusLabels } from './format';
import { ConditionList, EvaluationVerdict, OverrideNote } from './gate-conditions';
import { useEvaluations, useTask } from './queries';
import { TaskActions } from './task-actions';
import { Holder, SourceLine } from './task-card';
import { EditTaskForm } from './task-forms';
import type { Task } from './types';

/** One task: where it came from, what done means, its gates, evidence, evaluations, override and history. */
export function TaskPage() {
  const { projectId, id } = useParams<{ projectId: string; id: string }>();
  const task = useTask(projectId, id);
  return (
    <Page
      crumbs={<TaskCrumbs projectId={projectId} task={task.data ? { id, key: task.data.key } : undefined} />}
    >
      <Query query={task} what="the task">
        {(data) => <TaskView projectId={projectId} task={data} />}
      </Query>
    </Page>
  );
}

function TaskView(props: { projectId: string; task: Task }) {
  const { task, projectId } = props;
  const nameOf = useNameOf();
  const canWrite = useCan('write');
  const [editing, setEditing] = useState(false);
  return (
    <>
      <div className="title-row">
        <h1>
          <span className="muted">{task.key}</span> {task.title} <Status value={task.status} />
        </h1>
        <div className="actions">
          {canWrite ? (
            <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
              Edit
            </button>
          ) : null}
          <Link href={`/audit/task/${task.id}`}>History</Link>
        </div>
      </div>
      {editing ? <EditTaskForm projectId={projectId} task={task} onDone={() => setEditing(false)} /> : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>{statusLabels[task.status]}</dd>
        <dt>Source</dt>
        <dd>
          <SourceLink projectId={projectId} task={task} />
        </dd>
        <dt>Holder</dt>
        <dd>
          <Holder task={task} />
        </dd>
        <dt>Attempts</dt>
        <dd>{task.attempts}</dd>
        <dt>Created</dt>
        <dd>
          <When at={task.createdAt} /> by {nameOf(task.createdBy)}
        </dd>
        {task.completedAt ? (
          <>
            <dt>Completed</dt>
            <dd>
              <When at={task.completedAt} />
            </dd>
          </>
        ) : null}
      </dl>
      {task.description ? <p className="description">{task.description}</p> : null}
      {task.override ? <OverrideNote override={task.override} /> : null}
      <TaskActions projectId={projectId} task={task} />
      <Section id="task-criteria" title="Acceptance criteria">
        {task.acceptanceCriteria.length === 0 ? (
          <p className="muted">None stated.</p>
        ) : (
          <ul>
            {task.acceptanceCriteria.map((criterion) => (
              <li key={`${criterion.kind}-${criterion.ref}`}>
                <code>{criterion.ref}</code>
                {criterion.kind === 'check' ? ' (readiness check must pass)' : ''}
                {criterion.text ? `: ${criterion.text}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <GatesSection projectId={projectId} task={task} />
      <EvidenceSection projectId={projectId} task={task} />
      <EvaluationsSection projectId={projectId} task={task} />
      <HistorySection task={task} />
    </>
  );
}

/** The requirement with a link to its PRD, the finding with its row in the plan, or the check with the scorecard. */
function SourceLink(props: { projectId: string; task: Task }) {
  const { source } = props.task;
  const line = <SourceLine task={props.task} />;
  const text = source.text ? <q className="source-text">{source.text}</q> : null;
  if (source.kind === 'requirement' && source.refId)
    return (
      <>
        <Link href={`/projects/${props.projectId}/prds/${source.refId}`}>{line}</Link> {text}
      </>
    );
  if (source.kind === 'finding' && source.refId)
    return (
      <>
        <Link
          href={`/projects/${props.projectId}/plan/code-review-automation?table=review-findings&row=${source.refId}`}
        >
          {line}
        </Link>{' '}
        {text}
      </>
    );
  if (source.kind === 'check')
    return (
      <>
        <Link href={`/projects/${props.projectId}/readiness`}>{line}</Link> {text}
      </>
    );
  return (
    <>
      {line} {text}
    </>
  );
}

function GatesSection(props: { projectId: string; task: Task }) {
  const gates = useQualityGates(props.projectId);
  const byId = new Map((gates.data?.data ?? []).map((gate) => [gate.id, gate]));
  return (
    <Section id="task-gates" title="Gates that apply">
      {props.task.gateIds.length === 0 ? (
        <p className="muted">
          No quality gate applies: the readiness checks among its criteria still must pass.
        </p>
      ) : (
        <ul>
          {props.task.gateIds.map((gateId) => {
            const gate = byId.get(gateId);
            return (
              <li key={gateId}>
                {gate ? gate.name : gateId.slice(0, 8)}
                {gate?.threshold ? (
                  <>
                    {' '}
                    <code>{gate.threshold}</code>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function EvidenceSection(props: { projectId: string; task: Task }) {
  const { evidence } = props.task;
  const none =
    evidence.commits.length === 0 &&
    !evidence.mergeRequestUrl &&
    evidence.testRunIds.length === 0 &&
    evidence.findingSetIds.length === 0;
  return (
    <Section id="task-evidence" title="Evidence">
      {none ? (
        <p className="muted">
          No evidence attached yet: the holder attaches commits, a merge request, test runs and findings.
        </p>
      ) : (
        <dl className="facts">
          {evidence.commits.length ? (
            <>
              <dt>Commits</dt>
              <dd>
                {evidence.commits.map((sha) => (
                  <code key={sha} title={sha}>
                    {shortCommit(sha)}{' '}
                  </code>
                ))}
              </dd>
            </>
          ) : null}
          {evidence.mergeRequestUrl ? (
            <>
              <dt>Merge request</dt>
              <dd>
                {isWebUrl(evidence.mergeRequestUrl) ? (
                  <a href={evidence.mergeRequestUrl} rel="noreferrer noopener" target="_blank">
                    {evidence.mergeRequestUrl}
                  </a>
                ) : (
                  evidence.mergeRequestUrl
                )}
              </dd>
            </>
          ) : null}
          {evidence.testRunIds.length ? (
            <>
              <dt>Test runs</dt>
              <dd>
                <ul className="plain">
                  {evidence.testRunIds.map((runId) => (
                    <RunLink key={runId} projectId={props.projectId} runId={runId} />
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {evidence.findingSetIds.length ? (
            <>
              <dt>Finding sets</dt>
              <dd>
                <ul className="plain">
                  {evidence.findingSetIds.map((setId) => (
                    <li key={setId}>
                      <Link href={findingHrefs.set(props.projectId, setId)}>
                        Finding set {setId.slice(0, 8)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      )}
    </Section>
  );
}

function RunLink(props: { projectId: string; runId: string }) {
  const run = useTestRun(props.projectId, props.runId);
  return (
    <li>
      <Link href={testHrefs.run(props.projectId, props.runId)}>
        {run.data?.name ?? `Run ${props.runId.slice(0, 8)}`}
      </Link>
      {run.data ? <span className="muted"> ({run.data.status})</span> : null}
    </li>
  );
}

function EvaluationsSection(props: { projectId: string; task: Task }) {
  const evaluations = useEvaluations(props.projectId, props.task.id, 20);
  return (
    <Section id="task-evaluations" title="Gate evaluations">
      <Query query={evaluations} what="gate evaluations">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>Not evaluated yet: completing the task or evaluating its gates records one.</Empty>
          ) : (
            <ol className="activity">
              {page.data.map((evaluation) => (
                <li key={evaluation.id} className="comment">
                  <p>
                    <EvaluationVerdict evaluation={evaluation} />
                  </p>
                  {evaluation.conditions.length ? (
                    <ConditionList conditions={evaluation.conditions} label="Conditions" />
                  ) : (
                    <p className="muted">No condition applied.</p>
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </Query>
    </Section>
  );
}

/** The task's events from the audit trail, oldest first, with the fields each changed. */
function HistorySection(props: { task: Task }) {
  const nameOf = useNameOf();
  const history = useEntityHistory('task', props.task.id);
  return (
    <Section id="task-history" title="History">
      <Query query={history} what="the history">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No events recorded for this task.</Empty>
          ) : (
            <ol className="activity">
              {page.data.map((event) => (
                <li key={event.id} className="comment">
                  <p>
                    <strong>{eventLabel(event.eventType)}</strong> by {nameOf(event.userId)}{' '}
                    <When at={event.occurredAt} />
                  </p>
                  <EventChanges event={event} />
                </li>
              ))}
            </ol>
          )
        }
      </Query>
      <p>
        <Link href={`/audit/task/${props.task.id}`}>Full history</Link>
      </p>
    </Section>
  );
}
