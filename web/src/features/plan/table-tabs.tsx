import { type KeyboardEvent, useRef } from 'react';
import type { TableDescription } from './types';

export const tabId = (table: string) => `plan-tab-${table}`;
export const panelId = (table: string) => `plan-panel-${table}`;

/** Which tab a key moves to from `index`, among `count` tabs; null for other keys. */
function nextIndex(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight' || key === 'ArrowDown') return (index + 1) % count;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * A tab per table of the area. Only the selected tab is in the Tab order; the arrow keys, Home and
 * End move between tabs and select the one they reach, as the WAI-ARIA tabs pattern describes.
 */
export function TableTabs(props: {
  tables: readonly TableDescription[];
  selected: string;
  counts?: Record<string, number>;
  onSelect: (table: string) => void;
}) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = nextIndex(event.key, index, props.tables.length);
    const table = next === null ? undefined : props.tables[next];
    if (next === null || !table) return;
    event.preventDefault();
    tabs.current[next]?.focus();
    props.onSelect(table.name);
  };
  return (
    <div className="plan-tabs" role="tablist" aria-label="Tables of this area">
      {props.tables.map((table, index) => {
        const selected = table.name === props.selected;
        const count = props.counts?.[table.name];
        return (
          <button
            key={table.name}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={tabId(table.name)}
            aria-selected={selected}
            aria-controls={panelId(table.name)}
            tabIndex={selected ? 0 : -1}
            onClick={() => props.onSelect(table.name)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {table.label}
            {count === undefined ? null : <span className="plan-count"> {count}</span>}
          </button>
        );
      })}
    </div>
  );
}
