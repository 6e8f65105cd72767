import { useState } from 'react';
import { CursorList } from '../../components/cursor-list';
import { FilterBar, SelectFilter } from '../../components/filters';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, Query } from '../../components/ui';
import { formatNumber, formatShare, monthsOf } from './format';
import { type MetricsWindow, useContributions, useReviewerMetrics } from './queries';

/** Each person's contributions in a month of the window; the latest month first. */
export function ContributorsSection(props: { projectId: string; window: MetricsWindow }) {
  const months = monthsOf(props.window);
  const [chosen, setMonth] = useState('');
  const month = chosen && months.includes(chosen) ? chosen : (months[0] ?? '');
  const contributions = useContributions(props.projectId, month);
  return (
    <Section id="delivery-contributors" title="Contributors">
      <FilterBar label="Contributors’ month">
        <SelectFilter label="Month" value={month} onChange={setMonth} choices={months} />
      </FilterBar>
      <CursorList
        list={contributions}
        what="contributions"
        empty={<Empty>No contribution in {month}.</Empty>}
      >
        {(rows) => (
          <ListTable
            caption={`Contributions in ${month}`}
            columns={[
              'Person',
              'Team',
              'MRs opened',
              'MRs merged',
              'Reviews',
              'Comments',
              'Commits',
              'Issues resolved',
            ]}
          >
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.personName ?? row.personKey}</th>
                <td>{row.team ?? '—'}</td>
                <td>{row.mrsOpened}</td>
                <td>{row.mrsMerged}</td>
                <td>{row.reviews}</td>
                <td>{row.comments}</td>
                <td>{row.commits}</td>
                <td>{row.issuesResolved}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </Section>
  );
}

/** In words: 0 is evenly shared, near 1 one person reviews everything. */
function balanceText(balance: number | null): string {
  if (balance === null) return 'No reviews to compare.';
  const spread =
    balance < 0.3 ? 'evenly shared' : balance < 0.6 ? 'somewhat concentrated' : 'concentrated on few people';
  return `Review balance ${formatNumber(balance)} (Gini; 0 is even): ${spread}.`;
}

/** Who reviews the window's merge requests, most reviews first, and how evenly the reviews are shared. */
export function ReviewersSection(props: { projectId: string; window: MetricsWindow }) {
  const reviewers = useReviewerMetrics(props.projectId, props.window);
  return (
    <Section id="delivery-reviewers" title="Top reviewers">
      <Query query={reviewers} what="reviewers">
        {(data) => (
          <>
            <p>
              {data.merged} merged, {data.mergedWithoutReview} without a review. {balanceText(data.balance)}
            </p>
            {data.reviewers.length === 0 ? (
              <Empty>No review in this window.</Empty>
            ) : (
              <ListTable caption="Top reviewers" columns={['Reviewer', 'Reviews', 'Comments', 'Share']}>
                {data.reviewers.slice(0, 10).map((row) => (
                  <tr key={row.handle}>
                    <th scope="row">{row.name ?? row.handle}</th>
                    <td>{row.reviews}</td>
                    <td>{row.comments}</td>
                    <td>{formatShare(row.share)}</td>
                  </tr>
                ))}
              </ListTable>
            )}
          </>
        )}
      </Query>
    </Section>
  );
}
