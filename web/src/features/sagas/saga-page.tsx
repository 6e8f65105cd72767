import { Link, useParams } from 'wouter';
import { Page, Section } from '../../components/layout';
import { Query, Status, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { SagaCrumbs, sagaHrefs } from './crumbs';
import {
  describeWait,
  formatDuration,
  isSettled,
  lineStatus,
  type StepLine,
  statusLabels,
  timelineOf,
} from './format';
import { useSaga } from './queries';
import { SagaActions } from './saga-actions';
import type { SagaWithSteps } from './types';

/** One saga: who started it and how it stands, its steps in order with every attempt, and what was undone. */
export function SagaPage() {
  const { sagaId } = useParams<{ sagaId: string }>();
  const saga = useSaga(sagaId);
  return (
    <Page crumbs={<SagaCrumbs projectId={saga.data?.projectId ?? null} />}>
      <Query query={saga} what="the saga">
        {(data) => <SagaView saga={data} />}
      </Query>
    </Page>
  );
}

function SagaView(props: { saga: SagaWithSteps }) {
  const { saga } = props;
  const nameOf = useNameOf();
  return (
    <>
      <div className="title-row">
        <h1>
          {saga.title} <Status value={saga.status} />
        </h1>
        <div className="actions">
          {saga.projectId ? <Link href={sagaHrefs.project(saga.projectId)}>Project sagas</Link> : null}
          <Link href={`/audit/saga/${saga.id}`}>History</Link>
        </div>
      </div>
      <dl className="facts">
        <dt>Type</dt>
        <dd>
          <code>{saga.sagaType}</code>
        </dd>
        <dt>Status</dt>
        <dd>
          {statusLabels[saga.status]}
          {saga.cancelRequested && !isSettled(saga.status) ? ' (cancel requested)' : ''}
        </dd>
        <dt>Started by</dt>
        <dd>{saga.startedBy ? nameOf(saga.startedBy) : 'Shipshape'}</dd>
        <dt>Started</dt>
        <dd>
          <When at={saga.startedAt ?? saga.createdAt} />
        </dd>
        {saga.completedAt || saga.failedAt ? (
          <>
            <dt>{saga.completedAt ? 'Completed' : 'Ended'}</dt>
            <dd>
              <When at={saga.completedAt ?? saga.failedAt} />
            </dd>
          </>
        ) : null}
      </dl>
      {saga.errorMessage ? (
        <p className="error banner" role="status">
          {saga.errorMessage}
        </p>
      ) : null}
      {saga.waitingFor && saga.status === 'waiting' ? (
        <p className="saga-waiting" role="status">
          {describeWait(saga.waitingFor)}
          {saga.waitingFor.kind === 'approval' && saga.waitingFor.prompt ? (
            <>
              : <q>{saga.waitingFor.prompt}</q>
            </>
          ) : null}
        </p>
      ) : null}
      <SagaActions saga={saga} />
      <Timeline saga={saga} />
    </>
  );
}

function Timeline(props: { saga: SagaWithSteps }) {
  const lines = timelineOf(props.saga.stepNames, props.saga.steps);
  const actions = lines.filter((line) => line.phase === 'action');
  const undone = lines.filter((line) => line.phase === 'compensation');
  return (
    <Section id="saga-timeline" title="Timeline" className="saga-timeline">
      <ol className="saga-steps" aria-label="Steps">
        {actions.map((line) => (
          <TimelineLine key={line.index} line={line} current={isCurrent(props.saga, line)} />
        ))}
      </ol>
      {undone.length ? (
        <>
          <h3 id="saga-undone-heading">Undone, in reverse order</h3>
          <ol className="saga-steps compensations" aria-labelledby="saga-undone-heading">
            {undone.map((line) => (
              <TimelineLine key={`undo-${line.index}`} line={line} current={false} />
            ))}
          </ol>
        </>
      ) : null}
    </Section>
  );
}

function isCurrent(saga: SagaWithSteps, line: StepLine): boolean {
  return !isSettled(saga.status) && saga.status !== 'compensating' && saga.currentStep === line.index;
}

function TimelineLine(props: { line: StepLine; current: boolean }) {
  const { line } = props;
  const status = lineStatus(line);
  const label = line.phase === 'compensation' ? `Undo ${line.name}` : line.name;
  return (
    <li
      className={`saga-step saga-step-${status}${props.current ? ' current' : ''}`}
      aria-current={props.current ? 'step' : undefined}
    >
      <div className="saga-step-head">
        <span className="saga-step-index">{line.index + 1}</span>
        <strong>{label}</strong> <Status value={status} />
        {line.runs.length > 1 ? <span className="muted"> {line.runs.length} attempts</span> : null}
      </div>
      {line.runs.length ? (
        <ul className="saga-attempts">
          {line.runs.map((run) => (
            <li key={run.id}>
              {run.attempt === 0 ? 'By hand' : `Attempt ${run.attempt}`} · <When at={run.startedAt} /> ·{' '}
              {formatDuration(run.durationMs)} · <Status value={run.status} />
              {run.error ? <span className="error"> {run.error}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
