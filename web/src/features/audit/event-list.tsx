import { Link } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { Filter, FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { ListTable } from '../../components/list-table';
import { Empty, When } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { MemberPicker } from '../members/member-picker';
import { useNameOf } from '../members/queries';
import { entityTypes } from './entities';
import { useEventList } from './queries';

/** The workspace's events, newest first, filtered by entity type, event type, person and dates. */
export function EventList() {
  const nameOf = useNameOf();
  const [filters, set] = useValues({ type: '', eventType: '', actor: '', from: '', to: '' });
  const events = useEventList(filters);
  return (
    <>
      <FilterBar label="Filter events">
        <SelectFilter
          label="Entity type"
          value={filters.type}
          onChange={set('type')}
          choices={entityTypes}
          any="Any"
        />
        <TextFilter
          label="Event type"
          value={filters.eventType}
          onChange={set('eventType')}
          placeholder="e.g. prd_review.approved"
        />
        <Filter label="Who">
          <MemberPicker value={filters.actor} onChange={set('actor')} none="Anyone" />
        </Filter>
        <TextFilter label="From" type="date" value={filters.from} onChange={set('from')} />
        <TextFilter label="Until" type="date" value={filters.to} onChange={set('to')} />
      </FilterBar>
      <CursorList list={events} what="events" empty={<Empty>No events match.</Empty>}>
        {(rows) => (
          <ListTable columns={['#', 'Event', 'Who', 'When', 'Changed']}>
            {rows.map((event) => (
              <tr key={event.id}>
                <td>{event.sequence}</td>
                <td>
                  <Link href={`/audit/${event.aggregateType}/${event.aggregateId}`}>{event.eventType}</Link>
                </td>
                <td>{nameOf(event.userId)}</td>
                <td>
                  <When at={event.occurredAt} />
                </td>
                <td>{Object.keys((event.eventData.changes ?? {}) as object).join(', ')}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </>
  );
}
