import { useMemo } from 'react';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Empty } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { ChangeCard } from './change-card';
import { type Change, type ChangeLevel, changeLevels, useContractRules, type VersionDiff } from './queries';

const levelTitles: Record<ChangeLevel, string> = {
  ERR: 'ERR: breaks clients',
  WARN: 'WARN: may break clients',
  INFO: 'INFO: safe for clients',
};

/** Whether a change mentions every word typed, in its operation, message, rule, field or consumers. */
function matches(change: Change, text: string): boolean {
  const haystack = [
    change.operation ?? '',
    change.message,
    change.ruleId,
    change.field ?? '',
    ...change.consumers.map((consumer) => consumer.name),
    change.unused ? 'unused' : '',
  ]
    .join(' ')
    .toLowerCase();
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The diff's totals in one line: changes by level, operations compared, consumers matched. */
export function diffSummary(diff: VersionDiff['diff']): string {
  const { summary, operations } = diff;
  const counts = changeLevels.map((level) => `${summary[level]} ${level}`).join(' · ');
  const consumers = `${diff.consumers} ${diff.consumers === 1 ? 'consumer' : 'consumers'} registered`;
  return `${counts} · ${operations.added} operations added, ${operations.removed} removed, ${operations.changed} changed · ${consumers}`;
}

/**
 * A diff's changes grouped by level, most serious first, with filters by level and by text.
 * `idPrefix` keeps the ids of two lists on one page apart.
 */
export function ChangeList(props: { diff: VersionDiff['diff']; idPrefix: string }) {
  const [filters, set] = useValues({ level: '', text: '' });
  const rules = useContractRules();
  const titles = useMemo(
    () => new Map((rules.data?.data ?? []).map((rule) => [rule.id, rule.title])),
    [rules.data],
  );
  const shown = props.diff.findings.filter(
    (change) => (!filters.level || change.level === filters.level) && matches(change, filters.text),
  );
  return (
    <div className="change-list">
      <p className="report-summary" role="status">
        {diffSummary(props.diff)}
      </p>
      {props.diff.findings.length === 0 ? (
        <Empty>No changes between these versions.</Empty>
      ) : (
        <>
          <FilterBar label="Filter changes">
            <SelectFilter
              label="Level"
              value={filters.level}
              onChange={set('level')}
              any="All levels"
              choices={changeLevels}
            />
            <TextFilter
              label="Text"
              type="search"
              value={filters.text}
              onChange={set('text')}
              placeholder="operation, rule, consumer…"
            />
          </FilterBar>
          {shown.length === 0 ? <Empty>No change matches the filters.</Empty> : null}
          {changeLevels.map((level) => (
            <LevelGroup
              key={level}
              level={level}
              changes={shown.filter((change) => change.level === level)}
              titles={titles}
              idPrefix={`${props.idPrefix}-${level}`}
            />
          ))}
        </>
      )}
    </div>
  );
}

function LevelGroup(props: {
  level: ChangeLevel;
  changes: Change[];
  titles: Map<string, string>;
  idPrefix: string;
}) {
  if (props.changes.length === 0) return null;
  const heading = `${props.idPrefix}-heading`;
  return (
    <section className="level-group" aria-labelledby={heading}>
      <h3 id={heading}>
        {levelTitles[props.level]} ({props.changes.length})
      </h3>
      {props.changes.map((change, index) => (
        <ChangeCard
          // biome-ignore lint/suspicious/noArrayIndexKey: one rule may report one place twice, with different values
          key={`${change.ruleId}-${change.pointer}-${index}`}
          change={change}
          ruleTitle={props.titles.get(change.ruleId)}
          id={`${props.idPrefix}-${index}`}
        />
      ))}
    </section>
  );
}
