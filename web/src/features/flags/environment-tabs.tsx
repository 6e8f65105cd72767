import type { KeyboardEvent, ReactNode } from 'react';

export interface EnvironmentTab {
  key: string;
  production: boolean;
}

/**
 * The project's environments as tabs, production ones marked. Arrow keys move between them, as
 * in any tab list; the panel they control is the caller's, with id `panelId`.
 */
export function EnvironmentTabs(props: {
  environments: readonly EnvironmentTab[];
  selected: string;
  onSelect: (key: string) => void;
  panelId: string;
  label?: string;
}) {
  const keys = props.environments.map((environment) => environment.key);
  const move = (event: KeyboardEvent, step: number) => {
    const at = keys.indexOf(props.selected);
    const next = keys[(at + step + keys.length) % keys.length];
    if (!next) return;
    event.preventDefault();
    props.onSelect(next);
    document.getElementById(`env-tab-${next}`)?.focus();
  };
  return (
    <div className="flag-env-tabs" role="tablist" aria-label={props.label ?? 'Environments'}>
      {props.environments.map((environment) => {
        const selected = environment.key === props.selected;
        return (
          <button
            key={environment.key}
            id={`env-tab-${environment.key}`}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={props.panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => props.onSelect(environment.key)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight') move(event, 1);
              if (event.key === 'ArrowLeft') move(event, -1);
            }}
          >
            {environment.key}
            {environment.production ? <ProductionMark /> : null}
          </button>
        );
      })}
    </div>
  );
}

/** A production environment's mark: a dot that screen readers read as "production". */
export function ProductionMark(): ReactNode {
  return (
    <span className="flag-production" title="Production: changes reach users">
      <span aria-hidden="true">●</span>
      <span className="visually-hidden"> (production)</span>
    </span>
  );
}

/** The environment to show first: the one asked for if it exists, else the first. */
export function chosenEnvironment(environments: readonly EnvironmentTab[], wanted: string): string {
  return environments.some((environment) => environment.key === wanted)
    ? wanted
    : (environments[0]?.key ?? '');
}
