import { useState } from 'react';
import { FilterBar, SelectFilter } from '../../components/filters';
import { Section } from '../../components/layout';
import { Empty, Query } from '../../components/ui';
import { useTestTrends } from './queries';
import { TrendChart, trendSummary } from './trend-chart';
import { mergeTrend } from './trends';

/** The pass rate and duration of the project's runs per day or week over the last 30 days. */
export function TrendSection(props: { projectId: string; branch: string }) {
  const [interval, setTrendInterval] = useState<'day' | 'week'>('day');
  const trends = useTestTrends(props.projectId, { branch: props.branch, interval });
  const scope = props.branch.trim() ? `on ${props.branch.trim()}` : 'on every branch';
  return (
    <Section id="test-trend" title={`Trend ${scope}`}>
      <FilterBar label="Trend period">
        <SelectFilter
          label="Per"
          value={interval}
          onChange={(value) => setTrendInterval(value === 'week' ? 'week' : 'day')}
          choices={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
          ]}
        />
      </FilterBar>
      <Query query={trends} what="the trend">
        {(points) => {
          const rows = mergeTrend(points).filter((row) => row.runs > 0);
          if (rows.length === 0) return <Empty>No imported runs in the last 30 days {scope}.</Empty>;
          return <TrendChart rows={rows} summary={trendSummary(rows)} />;
        }}
      </Query>
    </Section>
  );
}
