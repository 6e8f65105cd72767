import { useMemo } from 'react';
import type uPlot from 'uplot';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, Query } from '../../components/ui';
import { bars, Chart, type ChartOptions, epochSeconds, halfBucket, timeRange } from './chart';
import { formatDuration } from './format';
import { type MetricsWindow, useMergeRequestMetrics } from './queries';
import { stages } from './stage-labels';
import type { Interval, MergeRequestMetrics, Percentiles, Stages } from './types';

const hourMs = 3_600_000;
type Bucket = MergeRequestMetrics['series'][number];

/** Merge request lead time: its stages' medians per bucket, stacked, and the percentiles of each stage. */
export function LeadTimeSection(props: { projectId: string; window: MetricsWindow; interval: Interval }) {
  const metrics = useMergeRequestMetrics(props.projectId, props.window, props.interval);
  return (
    <Section id="delivery-lead-time" title="Merge request lead time">
      <Query query={metrics} what="merge request lead times">
        {(data) =>
          data.overall.merged === 0 ? (
            <Empty>No merge request was merged in this window.</Empty>
          ) : (
            <>
              <p>
                {data.overall.merged} merged; median lead time{' '}
                <strong className="lead-time-p50">{formatDuration(data.overall.stages.lead.p50)}</strong> from
                first commit to merge.
              </p>
              <StageBars series={data.series} interval={data.interval} />
              <StageTable stages={data.overall.stages} />
            </>
          )
        }
      </Query>
    </Section>
  );
}

/** Each bucket's stage medians in hours, summed bottom up: the tops of the stacked bars. */
function stackedHours(series: readonly Bucket[]): uPlot.AlignedData {
  const tops = stages.map((_, index) =>
    series.map(
      (bucket) =>
        stages.slice(0, index + 1).reduce((sum, stage) => sum + (bucket.stages[stage.key].p50 ?? 0), 0) /
        hourMs,
    ),
  );
  return [series.map((bucket) => epochSeconds(bucket.bucket)), ...tops.reverse()];
}

function StageBars(props: { series: Bucket[]; interval: Interval }) {
  const series = useMemo(() => props.series.filter((bucket) => bucket.merged > 0), [props.series]);
  const data = useMemo(() => stackedHours(series), [series]);
  const { interval } = props;
  const options = useMemo<ChartOptions>(() => {
    const xs = series.map((bucket) => epochSeconds(bucket.bucket));
    const range = timeRange(xs, halfBucket(interval));
    return ({ axis, swatch }) => ({
      scales: {
        x: { time: true, range },
        y: { range: (_u, _min, max) => [0, max * 1.1 || 1] },
      },
      series: [
        {},
        ...[...stages].reverse().map((stage) => {
          const colour = swatch(stage.className, '#1f5fbf');
          return { label: stage.label, stroke: colour, fill: colour, paths: bars, points: { show: false } };
        }),
      ],
      axes: [
        { stroke: axis, grid: { show: false } },
        { stroke: axis, size: 56, values: (_u, ticks) => ticks.map((tick) => `${tick} h`) },
      ],
    });
  }, [series, interval]);
  if (series.length === 0) return null;
  const last = series[series.length - 1];
  return (
    <Chart
      caption="Median time in each stage per period (stacked)"
      summary={`${series.length} periods; the latest, ${last?.bucket}, took a median ${formatDuration(last?.stages.lead.p50)} from first commit to merge.`}
      options={options}
      data={data}
      legend={stages.map((stage) => ({
        className: stage.className,
        label: `${stage.label} (${stage.help})`,
      }))}
      table={<BucketTable series={series} />}
    />
  );
}

function BucketTable(props: { series: Bucket[] }) {
  return (
    <ListTable
      caption="Median time in each stage per period"
      columns={['Period', 'Merged', ...stages.map((stage) => stage.label), 'Lead time']}
    >
      {[...props.series].reverse().map((bucket) => (
        <tr key={bucket.bucket}>
          <td>{bucket.bucket}</td>
          <td>{bucket.merged}</td>
          {stages.map((stage) => (
            <td key={stage.key}>{formatDuration(bucket.stages[stage.key].p50)}</td>
          ))}
          <td>{formatDuration(bucket.stages.lead.p50)}</td>
        </tr>
      ))}
    </ListTable>
  );
}

const stageRows: readonly { key: keyof Stages; label: string }[] = [
  ...stages,
  { key: 'lead', label: 'Lead time (first commit → merged)' },
];

function StageTable(props: { stages: Stages }) {
  return (
    <ListTable caption="Percentiles of each stage" columns={['Stage', 'p50', 'p75', 'p90']}>
      {stageRows.map((row) => {
        const figures: Percentiles = props.stages[row.key];
        return (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{formatDuration(figures.p50)}</td>
            <td>{formatDuration(figures.p75)}</td>
            <td>{formatDuration(figures.p90)}</td>
          </tr>
        );
      })}
    </ListTable>
  );
}
