import { formatRate, passRateOf, resultStatuses } from './format';
import type { Totals } from './types';

const width = 600;
const height = 28;

/** A run's results as one bar split by status, with the counts beside it for those who cannot see it. */
export function StatusBar(props: { totals: Totals }) {
  const { totals } = props;
  const parts = resultStatuses.map((entry) => ({ ...entry, count: totals[entry.status] }));
  const summary = `${totals.total} tests: ${parts
    .filter((part) => part.count > 0)
    .map((part) => `${part.count} ${part.label.toLowerCase()}`)
    .join(', ')}. Pass rate ${formatRate(passRateOf(totals))}.`;
  let x = 0;
  return (
    <figure className="test-status-bar">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} preserveAspectRatio="none">
        <title>{summary}</title>
        {parts.map((part) => {
          const w = totals.total > 0 ? (part.count / totals.total) * width : 0;
          const rect = (
            <rect key={part.status} className={`fill-${part.status}`} x={x} y={0} width={w} height={height} />
          );
          x += w;
          return rect;
        })}
      </svg>
      <ul className="legend">
        {parts.map((part) => (
          <li key={part.status}>
            <span className={`swatch fill-${part.status}`} aria-hidden="true" /> {part.label}{' '}
            <strong>{part.count}</strong>
          </li>
        ))}
        <li>
          Pass rate <strong>{formatRate(passRateOf(totals))}</strong>
        </li>
      </ul>
    </figure>
  );
}
