import { useState } from 'react';
import { FilterBar, SelectFilter } from '../../components/filters';
import { Section } from '../../components/layout';
import { Empty, Query, When } from '../../components/ui';
import { type Bar, barsOf } from './metrics';
import { useFlagMetrics } from './queries';

const width = 640;
const height = 160;
const pad = { left: 40, right: 8, top: 10, bottom: 24 };
/** Series colours, in order; they are theme tokens, so both themes keep them readable. */
const seriesClasses = ['series-0', 'series-1', 'series-2', 'series-3', 'series-4', 'series-5'];

/** How many evaluations the SDKs reported in one environment, per hour or day, yes/no or per variant. */
export function MetricsSection(props: { projectId: string; flagKey: string; environment: string }) {
  const [bucket, setBucket] = useState<'hour' | 'day'>('day');
  // Rounded to the hour, so that the query's key stays the same while the page is open.
  const [from] = useState(() => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 14 * 86_400_000));
  const since = bucket === 'day' ? from : new Date(from.getTime() + 12 * 86_400_000);
  const metrics = useFlagMetrics(props.projectId, props.flagKey, {
    environment: props.environment,
    bucket,
    from: since.toISOString(),
  });
  return (
    <Section id="flag-metrics" title={`Evaluations in ${props.environment}`}>
      <FilterBar label="Evaluations period">
        <SelectFilter
          label="Per"
          value={bucket}
          onChange={(value) => setBucket(value === 'hour' ? 'hour' : 'day')}
          choices={[
            { value: 'day', label: 'Day (14 days)' },
            { value: 'hour', label: 'Hour (48 hours)' },
          ]}
        />
      </FilterBar>
      <Query query={metrics} what="evaluations">
        {(data) => {
          const { bars, series } = barsOf(data, { from: since, to: new Date(), bucket });
          if (data.series.length === 0) return <Empty>No evaluations reported in this period.</Empty>;
          return (
            <figure className="flag-chart">
              <BarsSvg bars={bars} series={series} bucket={bucket} environment={props.environment} />
              <ul className="legend" aria-hidden="true">
                {series.map((name, index) => (
                  <li key={name}>
                    <span className={`swatch ${seriesClasses[index % seriesClasses.length]}`} /> {name}
                  </li>
                ))}
              </ul>
              <p className="muted">
                Last evaluated <When at={data.lastEvaluatedAt} />.
              </p>
              <details>
                <summary>Show as a table</summary>
                <BarsTable bars={bars} series={series} />
              </details>
            </figure>
          );
        }}
      </Query>
    </Section>
  );
}

function label(time: string, bucket: 'hour' | 'day'): string {
  return bucket === 'day' ? time.slice(0, 10) : `${time.slice(5, 10)} ${time.slice(11, 16)}`;
}

function BarsSvg(props: { bars: Bar[]; series: string[]; bucket: 'hour' | 'day'; environment: string }) {
  const { bars, series } = props;
  const top = Math.max(1, ...bars.map((bar) => bar.total));
  const slot = (width - pad.left - pad.right) / bars.length;
  const barWidth = Math.min(48, Math.max(2, slot * 0.7));
  const y = (value: number) => pad.top + (1 - value / top) * (height - pad.top - pad.bottom);
  const total = bars.reduce((sum, bar) => sum + bar.total, 0);
  const summary = `${total} evaluations in ${props.environment} over ${bars.length} ${props.bucket}s, at most ${top} in one.`;
  const first = bars[0];
  const last = bars[bars.length - 1];
  return (
    <svg className="flag-chart-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
      <title>{summary}</title>
      <line className="axis" x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} />
      <text className="tick" x={pad.left - 4} y={y(top) + 4} textAnchor="end">
        {top}
      </text>
      <text className="tick" x={pad.left - 4} y={y(0) + 4} textAnchor="end">
        0
      </text>
      {bars.map((bar, index) => {
        let base = 0;
        return (
          <g key={bar.time}>
            {series.map((name, at) => {
              const count = bar.counts[name] ?? 0;
              const rect = (
                <rect
                  key={name}
                  className={seriesClasses[at % seriesClasses.length]}
                  x={pad.left + index * slot + (slot - barWidth) / 2}
                  y={y(base + count)}
                  width={barWidth}
                  height={y(base) - y(base + count)}
                />
              );
              base += count;
              return rect;
            })}
          </g>
        );
      })}
      {first ? (
        <text className="tick" x={pad.left} y={height - 6} textAnchor="start">
          {label(first.time, props.bucket)}
        </text>
      ) : null}
      {last && bars.length > 1 ? (
        <text className="tick" x={width - pad.right} y={height - 6} textAnchor="end">
          {label(last.time, props.bucket)}
        </text>
      ) : null}
    </svg>
  );
}

function BarsTable(props: { bars: Bar[]; series: string[] }) {
  return (
    <table className="list">
      <caption className="visually-hidden">Evaluations per period</caption>
      <thead>
        <tr>
          <th scope="col">From</th>
          {props.series.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...props.bars]
          .filter((bar) => bar.total > 0)
          .reverse()
          .map((bar) => (
            <tr key={bar.time}>
              <td>
                <When at={bar.time} />
              </td>
              {props.series.map((name) => (
                <td key={name}>{bar.counts[name] ?? 0}</td>
              ))}
            </tr>
          ))}
      </tbody>
    </table>
  );
}
