import { Section } from '../../components/layout';
import { formatDuration, formatFrequency, formatShare, tierLabels } from './format';
import type { Dora, DoraFigure } from './types';

interface Tile {
  id: string;
  title: string;
  figure: DoraFigure;
  value: string;
}

function tilesOf(dora: Dora): Tile[] {
  const frequency = dora.deploymentFrequency;
  return [
    {
      id: 'deployment-frequency',
      title: 'Deployment frequency',
      figure: frequency,
      value: formatFrequency(frequency.value, frequency.deploysPerWeek),
    },
    {
      id: 'lead-time-for-changes',
      title: 'Lead time for changes',
      figure: dora.leadTimeForChanges,
      value: formatDuration(dora.leadTimeForChanges.value),
    },
    {
      id: 'change-failure-rate',
      title: 'Change failure rate',
      figure: dora.changeFailureRate,
      value: formatShare(dora.changeFailureRate.value),
    },
    {
      id: 'time-to-restore',
      title: 'Time to restore',
      figure: dora.timeToRestore,
      value: formatDuration(dora.timeToRestore.value),
    },
  ];
}

/** DORA's four keys, each with its value, its tier (2023 report's bands) and what it was computed from. */
export function DoraTiles(props: { dora: Dora }) {
  return (
    <Section id="delivery-dora" title="DORA keys">
      <ul className="dora-tiles">
        {tilesOf(props.dora).map((tile) => (
          <li key={tile.id} className="dora-tile" aria-labelledby={`dora-${tile.id}`}>
            <h3 id={`dora-${tile.id}`}>{tile.title}</h3>
            <p className="dora-value">{tile.value}</p>
            <p>
              {tile.figure.tier ? (
                <span className={`tier-badge tier-${tile.figure.tier}`}>{tierLabels[tile.figure.tier]}</span>
              ) : (
                <span className="tier-badge tier-none">No tier</span>
              )}{' '}
              <span className="muted">from {tile.figure.sample}</span>
            </p>
            <p className="hint">{tile.figure.source}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
