import { useParams } from 'wouter';
import { Page, Section } from '../../components/layout';
import { Empty, Query } from '../../components/ui';
import { Attachments } from './attachments';
import { TestCrumbs } from './crumbs';
import { formatDuration, isWebUrl, shownParameters } from './format';
import { HistoryStrip } from './history-strip';
import { useScenario, useTestRun } from './queries';
import { ResultBadge } from './run-status';
import { StepsTree } from './steps-tree';
import type { ScenarioDetail } from './types';

/** One test in one run: what it is, why it failed, its steps and attachments, and how it fared before. */
export function ScenarioPage() {
  const { projectId, runId, scenarioId } = useParams<{
    projectId: string;
    runId: string;
    scenarioId: string;
  }>();
  const scenario = useScenario(projectId, runId, scenarioId);
  const run = useTestRun(projectId, runId);
  const crumbRun = run.data ? { id: run.data.id, name: run.data.name } : { id: runId, name: 'Run' };
  return (
    <Page crumbs={<TestCrumbs projectId={projectId} run={crumbRun} />}>
      <Query query={scenario} what="the test">
        {(s) => (
          <>
            <div className="title-row">
              <h1>{s.name}</h1>
              <ResultBadge status={s.status} />
            </div>
            <p className="muted test-full-name">{s.fullName}</p>
            <ScenarioFacts scenario={s} />
            {s.statusMessage || s.statusTrace ? (
              <Section id="test-failure" title="Failure">
                {s.statusMessage ? <p className="error test-message">{s.statusMessage}</p> : null}
                {s.statusTrace ? (
                  <details>
                    <summary>Stack trace</summary>
                    <pre className="test-trace">{s.statusTrace}</pre>
                  </details>
                ) : null}
              </Section>
            ) : null}
            <Section id="test-steps" title="Steps">
              {s.steps.length === 0 ? (
                <Empty>No steps recorded.</Empty>
              ) : (
                <StepsTree steps={s.steps} projectId={projectId} runId={runId} />
              )}
            </Section>
            <Section id="test-attachments" title="Attachments">
              {s.attachments.length === 0 ? (
                <Empty>No attachments.</Empty>
              ) : (
                <Attachments attachments={s.attachments} projectId={projectId} runId={runId} />
              )}
            </Section>
            <HistoryStrip projectId={projectId} historyId={s.historyId} currentRunId={runId} />
          </>
        )}
      </Query>
    </Page>
  );
}

function ScenarioFacts(props: { scenario: ScenarioDetail }) {
  const s = props.scenario;
  const labels: [string, string | null][] = [
    ['Epic', s.epic],
    ['Feature', s.feature],
    ['Story', s.story],
    ['Suite', s.suite],
    ['Severity', s.severity],
    ['Owner', s.owner],
    ['Category', s.category],
  ];
  return (
    <dl className="facts">
      <dt>Duration</dt>
      <dd>{formatDuration(s.durationMs)}</dd>
      {s.previousStatus ? (
        <>
          <dt>Before</dt>
          <dd>
            <ResultBadge status={s.previousStatus} />{' '}
            {s.change ? <span className="muted">({s.change})</span> : null}
          </dd>
        </>
      ) : null}
      {s.retries.length > 0 || s.flaky ? (
        <>
          <dt>Retries</dt>
          <dd>
            {s.retries.map((retry) => retry.status).join(', ') || 'none'}
            {s.flaky ? ' · flaky' : ''}
          </dd>
        </>
      ) : null}
      {s.quarantined || s.muted ? (
        <>
          <dt>Quarantined</dt>
          <dd>{s.muted ? 'muted' : 'yes'}</dd>
        </>
      ) : null}
      {labels
        .filter(([, value]) => value)
        .map(([name, value]) => (
          <FactPair key={name} name={name} value={value ?? ''} />
        ))}
      {s.tags.length > 0 ? <FactPair name="Tags" value={s.tags.join(', ')} /> : null}
      {shownParameters(s.parameters).map((parameter) => (
        <FactPair
          key={`parameter-${parameter.name}`}
          name={`Parameter ${parameter.name}`}
          value={parameter.value}
        />
      ))}
      {s.links.length > 0 ? (
        <>
          <dt>Links</dt>
          <dd className="test-links">
            {s.links.map((link) =>
              isWebUrl(link.url) ? (
                <a key={link.url} href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.name || link.url}
                </a>
              ) : (
                <code key={link.url}>{link.name || link.url}</code>
              ),
            )}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function FactPair(props: { name: string; value: string }) {
  return (
    <>
      <dt>{props.name}</dt>
      <dd>{props.value}</dd>
    </>
  );
}
