import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty } from '../../components/ui';
import { testHrefs } from './crumbs';
import { formatDuration } from './format';
import { type ScenarioFilters, useScenarios } from './queries';
import { ResultBadge } from './run-status';
import type { Scenario } from './types';

/** Scenarios of a run in a table: the name links to the scenario, with status, duration and why it failed. */
export function ScenarioTable(props: {
  projectId: string;
  rows: Scenario[];
  caption: string;
  showPrevious?: boolean;
}) {
  const columns = ['Test', 'Status', ...(props.showPrevious ? ['Before'] : []), 'Duration', 'Message'];
  return (
    <ListTable caption={props.caption} columns={columns}>
      {props.rows.map((scenario) => (
        <tr key={scenario.id}>
          <td>
            <Link href={testHrefs.scenario(props.projectId, scenario.runId, scenario.id)}>
              {scenario.name}
            </Link>
            <div className="muted test-full-name">{scenario.fullName}</div>
          </td>
          <td>
            <ResultBadge status={scenario.status} />
            {scenario.retries.length > 0 ? (
              <span className="muted"> after {scenario.retries.length} retries</span>
            ) : null}
          </td>
          {props.showPrevious ? (
            <td>{scenario.previousStatus ? <ResultBadge status={scenario.previousStatus} /> : '—'}</td>
          ) : null}
          <td>{formatDuration(scenario.durationMs)}</td>
          <td className="test-message">{scenario.statusMessage ?? ''}</td>
        </tr>
      ))}
    </ListTable>
  );
}

/** A section of a run's page listing the scenarios that match `filters`. */
export function ScenarioSection(props: {
  projectId: string;
  runId: string;
  id: string;
  title: string;
  filters: ScenarioFilters;
  empty: string;
  limit?: number;
  showPrevious?: boolean;
  filterBar?: ReactNode;
}) {
  const scenarios = useScenarios(props.projectId, props.runId, props.filters, props.limit ?? 20);
  return (
    <Section id={props.id} title={props.title}>
      {props.filterBar}
      <CursorList list={scenarios} what={props.title.toLowerCase()} empty={<Empty>{props.empty}</Empty>}>
        {(rows) => (
          <ScenarioTable
            projectId={props.projectId}
            rows={rows}
            caption={props.title}
            showPrevious={props.showPrevious}
          />
        )}
      </CursorList>
    </Section>
  );
}
