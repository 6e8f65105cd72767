import { useState } from 'react';
import { useParams } from 'wouter';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Page, Section } from '../../components/layout';
import { Query, When } from '../../components/ui';
import { CategoriesSection } from './categories-section';
import { TestCrumbs } from './crumbs';
import { formatBytes, formatDuration, isWebUrl, resultStatuses } from './format';
import { GateSection } from './gate-section';
import { useTestRun } from './queries';
import { RunStatus } from './run-status';
import { ScenarioSection } from './scenario-table';
import { StatusBar } from './status-bar';
import type { FileProblem, TestRun } from './types';

/** One run: its facts, results by status, the gate, what changed since the branch's previous run, and every scenario. */
export function TestRunPage() {
  const { projectId, runId } = useParams<{ projectId: string; runId: string }>();
  const run = useTestRun(projectId, runId);
  return (
    <Page crumbs={<TestCrumbs projectId={projectId} inTests />}>
      <Query query={run} what="the test run">
        {(r) => (
          <>
            <div className="title-row">
              <h1>{r.name}</h1>
              <RunStatus run={r} />
            </div>
            <RunFacts run={r} />
            <FileProblems id="import-errors" title="Import errors" problems={r.importErrors} />
            <FileProblems id="skipped-files" title="Skipped files" problems={r.skippedFiles} />
            {r.status === 'imported' ? <ImportedRun projectId={projectId} run={r} /> : null}
          </>
        )}
      </Query>
    </Page>
  );
}

function RunFacts(props: { run: TestRun }) {
  const { run } = props;
  return (
    <dl className="facts">
      <dt>Branch</dt>
      <dd>{run.branch ?? '—'}</dd>
      <dt>Commit</dt>
      <dd>{run.commitSha ? <code>{run.commitSha}</code> : '—'}</dd>
      <dt>Pipeline</dt>
      <dd>
        {run.pipelineUrl && isWebUrl(run.pipelineUrl) ? (
          <a className="test-url" href={run.pipelineUrl} rel="noreferrer noopener" target="_blank">
            {run.pipelineUrl}
          </a>
        ) : (
          '—'
        )}
      </dd>
      <dt>Environment</dt>
      <dd>{run.environment ?? '—'}</dd>
      <dt>Format</dt>
      <dd>{run.format === 'junit' ? 'JUnit XML' : 'Allure results'}</dd>
      <dt>Ran</dt>
      <dd>
        <When at={run.startedAt} /> for {formatDuration(run.durationMs)}
      </dd>
      <dt>Uploaded</dt>
      <dd>
        <When at={run.createdAt} /> ({formatBytes(run.uploadBytes)})
      </dd>
    </dl>
  );
}

/** Files the import could not read: why the run failed, or what `skipInvalid` left out. */
function FileProblems(props: { id: string; title: string; problems: FileProblem[] }) {
  if (props.problems.length === 0) return null;
  return (
    <Section id={props.id} title={`${props.title} (${props.problems.length})`}>
      <ul className="test-file-problems">
        {props.problems.map((problem) => (
          <li key={`${problem.file}:${problem.message}`}>
            <code>{problem.file}</code>: {problem.message}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function ImportedRun(props: { projectId: string; run: TestRun }) {
  const { projectId, run } = props;
  const common = { projectId, runId: run.id };
  return (
    <>
      <Section id="test-results" title="Results">
        <StatusBar totals={run.totals} />
      </Section>
      <GateSection {...common} />
      <CategoriesSection {...common} />
      <div className="columns test-changes">
        <ScenarioSection
          {...common}
          id="new-failures"
          title="New failures"
          filters={{ change: 'new-failure' }}
          empty="No new failures since the branch's previous run."
          showPrevious
        />
        <ScenarioSection
          {...common}
          id="fixed-tests"
          title="Fixed"
          filters={{ change: 'fixed' }}
          empty="Nothing that failed before passes now."
          showPrevious
        />
      </div>
      <ScenarioSection
        {...common}
        id="flaky-in-run"
        title="Flaky in this run"
        filters={{ flaky: true }}
        empty="No test passed only after a retry."
      />
      <ScenarioSection
        {...common}
        id="slowest-tests"
        title="Slowest tests"
        filters={{ sort: '-durationMs' }}
        limit={10}
        empty="No tests."
      />
      <AllScenarios {...common} />
    </>
  );
}

function AllScenarios(props: { projectId: string; runId: string }) {
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  return (
    <ScenarioSection
      {...props}
      id="all-tests"
      title="All tests"
      filters={{ status, q }}
      limit={50}
      empty="No tests match."
      filterBar={
        <FilterBar label="Find tests">
          <SelectFilter
            label="Test status"
            value={status}
            onChange={setStatus}
            choices={resultStatuses.map((entry) => ({ value: entry.status, label: entry.label }))}
            any="Any status"
          />
          <TextFilter
            label="Search tests"
            type="search"
            value={q}
            onChange={setQ}
            placeholder="Name, failure message…"
          />
        </FilterBar>
      }
    />
  );
}
