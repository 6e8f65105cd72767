import { Empty, Query } from '../../components/ui';
import { type HistoryEntry, useHistory } from './queries';

/** One day of the trend: how many checks passed, of how many, and the level reached. */
interface Point {
  day: string;
  passing: number;
  total: number;
  level: string;
}

/** The project's days, or one area's days when `area` is given, oldest first. */
function pointsOf(entries: readonly HistoryEntry[], area?: string): Point[] {
  const points = entries.flatMap((entry): Point[] => {
    const score = area ? entry.areas[area] : entry;
    if (!score) return [];
    return [
      { day: entry.day, passing: score.passing, total: score.passing + score.failing, level: score.level },
    ];
  });
  return points.reverse();
}

/** The trend of checks passing and the level, from the recorded daily scores. */
export function TrendChart(props: { projectId: string; area?: string; title: string }) {
  const history = useHistory(props.projectId);
  return (
    <Query query={history} what="the trend">
      {(page) => {
        const points = pointsOf(page.data, props.area);
        if (points.length === 0) return <Empty>No scores recorded yet.</Empty>;
        return (
          <div className="trend">
            <TrendSvg points={points} title={props.title} />
            <TrendTable points={points} title={props.title} />
          </div>
        );
      }}
    </Query>
  );
}

const width = 640;
const height = 120;
const pad = { left: 36, right: 12, top: 12, bottom: 24 };

/** A line of checks passing over the days, each day's dot coloured by its level. */
function TrendSvg(props: { points: Point[]; title: string }) {
  const { points } = props;
  const top = Math.max(1, ...points.map((point) => point.total));
  const step = points.length > 1 ? (width - pad.left - pad.right) / (points.length - 1) : 0;
  const x = (index: number) =>
    pad.left + (points.length > 1 ? index * step : (width - pad.left - pad.right) / 2);
  const y = (value: number) => pad.top + (1 - value / top) * (height - pad.top - pad.bottom);
  const line = points.map((point, index) => `${x(index)},${y(point.passing)}`).join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? `${props.title}: from ${first.passing} of ${first.total} checks passing (${first.level}) on ${first.day} to ${last.passing} of ${last.total} (${last.level}) on ${last.day}.`
      : props.title;
  return (
    <svg className="trend-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
      <title>{summary}</title>
      <line className="axis" x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} />
      <line className="axis" x1={pad.left} x2={width - pad.right} y1={y(top)} y2={y(top)} />
      <text className="tick" x={pad.left - 6} y={y(top) + 4} textAnchor="end">
        {top}
      </text>
      <text className="tick" x={pad.left - 6} y={y(0) + 4} textAnchor="end">
        0
      </text>
      <polyline className="trend-line" points={line} />
      {points.map((point, index) => (
        <circle
          key={point.day}
          className={`dot level-${point.level}`}
          cx={x(index)}
          cy={y(point.passing)}
          r={5}
        />
      ))}
      {first ? (
        <text className="tick" x={x(0)} y={height - 6} textAnchor={points.length > 1 ? 'start' : 'middle'}>
          {first.day}
        </text>
      ) : null}
      {last && points.length > 1 ? (
        <text className="tick" x={x(points.length - 1)} y={height - 6} textAnchor="end">
          {last.day}
        </text>
      ) : null}
    </svg>
  );
}

/** The same data as a table, for screen readers and for reading exact numbers. */
function TrendTable(props: { points: Point[]; title: string }) {
  return (
    <details className="trend-data">
      <summary>Trend data</summary>
      <table className="list">
        <caption className="visually-hidden">{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Checks passing</th>
            <th scope="col">Level</th>
          </tr>
        </thead>
        <tbody>
          {[...props.points].reverse().map((point) => (
            <tr key={point.day}>
              <td>{point.day}</td>
              <td>
                {point.passing} of {point.total}
              </td>
              <td>{point.level}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
