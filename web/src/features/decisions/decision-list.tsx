import { Link } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { Filter, FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, Query, Status } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { MemberPicker } from '../members/member-picker';
import { useNameOf } from '../members/queries';
import { decisionStatuses } from './lifecycle';
import { useDecisionList, useDecisionSettings, useDecisionTimeline } from './queries';
import { TimelineChart } from './timeline-chart';

/** The decision log: filters (type, status, owner, tag, date range), search, and a timeline. */
export function DecisionList() {
  const nameOf = useNameOf();
  const [filters, set] = useValues({ q: '', type: '', status: '', owner: '', tag: '', from: '', to: '' });
  const settings = useDecisionSettings();
  const decisions = useDecisionList(filters);
  const timeline = useDecisionTimeline();
  return (
    <Page>
      <div className="title-row">
        <h1>Decisions</h1>
        <Link className="button primary-link" href="/decisions/new">
          New decision
        </Link>
      </div>
      <FilterBar label="Filter decisions">
        <TextFilter
          label="Search decisions"
          type="search"
          value={filters.q}
          onChange={set('q')}
          placeholder="Title, context…"
        />
        <SelectFilter
          label="Type"
          value={filters.type}
          onChange={set('type')}
          choices={settings.data?.decisionTypes ?? []}
          any="Any"
        />
        <SelectFilter
          label="Status"
          value={filters.status}
          onChange={set('status')}
          choices={decisionStatuses}
          any="Any"
        />
        <Filter label="Owner">
          <MemberPicker value={filters.owner} onChange={set('owner')} none="Anyone" />
        </Filter>
        <TextFilter label="Tag" value={filters.tag} onChange={set('tag')} />
        <TextFilter label="Decided from" type="date" value={filters.from} onChange={set('from')} />
        <TextFilter label="Decided until" type="date" value={filters.to} onChange={set('to')} />
      </FilterBar>
      <CursorList list={decisions} what="decisions" empty={<Empty>No decisions match.</Empty>}>
        {(rows) => (
          <ListTable columns={['Reference', 'Title', 'Type', 'Status', 'Owner', 'Decided']}>
            {rows.map((decision) => (
              <tr key={decision.id}>
                <td>{decision.reference}</td>
                <td>
                  <Link href={`/decisions/${decision.id}`}>{decision.title}</Link>
                </td>
                <td>{decision.decisionType}</td>
                <td>
                  <Status value={decision.status} />
                </td>
                <td>
                  {decision.decisionOwnerId
                    ? nameOf(decision.decisionOwnerId)
                    : decision.decisionOwner || '—'}
                </td>
                <td>{decision.decisionDate}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
      <h2>Timeline</h2>
      <Query query={timeline} what="the timeline">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No decisions to chart yet.</Empty>
          ) : (
            <TimelineChart
              label={`Running count of ${page.data.length} decisions by status over time`}
              points={page.data.map((item) => ({ date: item.decisionDate, status: item.status }))}
            />
          )
        }
      </Query>
    </Page>
  );
}
