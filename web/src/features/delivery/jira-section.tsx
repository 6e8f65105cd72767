import { useMemo } from 'react';
import type uPlot from 'uplot';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, Query } from '../../components/ui';
import { bars, Chart, type ChartOptions, epochSeconds, halfBucket, noLine, timeRange } from './chart';
import { formatDuration } from './format';
import { type MetricsWindow, scatterLimit, useDoneIssues, useJiraMetrics } from './queries';
import type { Interval, JiraIssue, JiraMetrics } from './types';

const dayMs = 86_400_000;

/** Jira: each done issue's cycle time by its done date, and how many were done per bucket. */
export function JiraSection(props: { projectId: string; window: MetricsWindow; interval: Interval }) {
  const metrics = useJiraMetrics(props.projectId, props.window, props.interval);
  const issues = useDoneIssues(props.projectId, props.window);
  return (
    <Section id="delivery-jira" title="Jira cycle time and throughput">
      <Query query={metrics} what="Jira metrics">
        {(data) =>
          data.overall.done === 0 ? (
            <Empty>No Jira issue was done in this window.</Empty>
          ) : (
            <>
              <p>
                {data.overall.done} done; median cycle time {formatDuration(data.overall.cycle.p50)} (p90{' '}
                {formatDuration(data.overall.cycle.p90)}), median lead time{' '}
                {formatDuration(data.overall.lead.p50)}.
              </p>
              <Query query={issues} what="done issues">
                {(rows) => <CycleScatter issues={rows} />}
              </Query>
              <Throughput throughput={data.throughput} interval={data.interval} />
            </>
          )
        }
      </Query>
    </Section>
  );
}

type Timed = JiraIssue & { doneAt: string; cycleMs: number };

function isTimed(issue: JiraIssue): issue is Timed {
  return issue.doneAt !== null && issue.cycleMs !== null;
}

function CycleScatter(props: { issues: JiraIssue[] }) {
  const points = useMemo(
    () => props.issues.filter(isTimed).sort((a, b) => Date.parse(a.doneAt) - Date.parse(b.doneAt)),
    [props.issues],
  );
  const data = useMemo<uPlot.AlignedData>(
    () => [points.map((issue) => epochSeconds(issue.doneAt)), points.map((issue) => issue.cycleMs / dayMs)],
    [points],
  );
  const options = useMemo<ChartOptions>(() => {
    const range = timeRange(points.map((issue) => epochSeconds(issue.doneAt)));
    return ({ axis, swatch }) => {
      const colour = swatch('issue-cycle', '#1f5fbf');
      return {
        scales: { x: { time: true, range }, y: { range: (_u, _min, max) => [0, max * 1.1 || 1] } },
        series: [
          {},
          {
            label: 'Cycle time',
            stroke: colour,
            paths: noLine,
            points: { show: true, size: 7, fill: colour },
          },
        ],
        axes: [
          { stroke: axis, grid: { show: false } },
          { stroke: axis, size: 56, values: (_u, ticks) => ticks.map((tick) => `${tick} d`) },
        ],
      };
    };
  }, [points]);
  if (points.length === 0)
    return <Empty>No done issue has a cycle time (none went through a started status).</Empty>;
  return (
    <Chart
      caption={`Cycle time of each done issue by the day it was done${props.issues.length >= scatterLimit ? ` (the latest ${scatterLimit})` : ''}`}
      summary={`${points.length} issues with cycle times from ${formatDuration(Math.min(...points.map((p) => p.cycleMs)))} to ${formatDuration(Math.max(...points.map((p) => p.cycleMs)))}.`}
      options={options}
      data={data}
      legend={[{ className: 'issue-cycle', label: 'An issue (started → done, in days)' }]}
      table={
        <ListTable
          caption="Cycle time of each done issue"
          columns={['Issue', 'Summary', 'Done', 'Cycle time']}
        >
          {[...points].reverse().map((issue) => (
            <tr key={issue.id}>
              <td>{issue.issueKey}</td>
              <td>{issue.summary}</td>
              <td>{issue.doneAt.slice(0, 10)}</td>
              <td>{formatDuration(issue.cycleMs)}</td>
            </tr>
          ))}
        </ListTable>
      }
    />
  );
}

type Bucket = JiraMetrics['throughput'][number];

function Throughput(props: { throughput: Bucket[]; interval: Interval }) {
  const { throughput, interval } = props;
  const data = useMemo<uPlot.AlignedData>(
    () => [throughput.map((bucket) => epochSeconds(bucket.bucket)), throughput.map((bucket) => bucket.done)],
    [throughput],
  );
  const options = useMemo<ChartOptions>(() => {
    const range = timeRange(
      throughput.map((bucket) => epochSeconds(bucket.bucket)),
      halfBucket(interval),
    );
    return ({ axis, swatch }) => {
      const colour = swatch('issue-done', '#157347');
      return {
        scales: { x: { time: true, range }, y: { range: (_u, _min, max) => [0, Math.ceil(max * 1.1) || 1] } },
        series: [{}, { label: 'Done', stroke: colour, fill: colour, paths: bars, points: { show: false } }],
        axes: [
          { stroke: axis, grid: { show: false } },
          { stroke: axis, size: 40 },
        ],
      };
    };
  }, [throughput, interval]);
  if (throughput.length === 0) return null;
  return (
    <Chart
      caption="Issues done per period"
      summary={`${throughput.reduce((sum, bucket) => sum + bucket.done, 0)} issues done over ${throughput.length} periods.`}
      options={options}
      data={data}
      legend={[{ className: 'issue-done', label: 'Issues done' }]}
      table={
        <ListTable
          caption="Issues done per period"
          columns={['Period', 'Done', 'Cycle time p50', 'Lead time p50']}
        >
          {[...throughput].reverse().map((bucket) => (
            <tr key={bucket.bucket}>
              <td>{bucket.bucket}</td>
              <td>{bucket.done}</td>
              <td>{formatDuration(bucket.cycle.p50)}</td>
              <td>{formatDuration(bucket.lead.p50)}</td>
            </tr>
          ))}
        </ListTable>
      }
    />
  );
}
