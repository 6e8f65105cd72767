import { Link } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { DownloadButton } from '../../components/download-button';
import { Filter, FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { ListTable } from '../../components/list-table';
import { Empty, When } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { MemberPicker } from '../members/member-picker';
import { useNameOf } from '../members/queries';
import { entityTypes } from './entities';
import { EntityName, EntityProject } from './entity-name';
import { eventLabel, fieldLabel, typeLabel } from './labels';
import { type AuditEvent, type EventFilters, exportQuery, useEventList } from './queries';

/** The workspace's events, newest first, filtered by kind of item, event, person and dates; exportable. */
export function EventList() {
  const [filters, set] = useValues({ type: '', eventType: '', actor: '', from: '', to: '' });
  const events = useEventList(filters);
  return (
    <>
      <FilterBar label="Filter events">
        <SelectFilter
          label="Entity type"
          value={filters.type}
          onChange={set('type')}
          choices={entityTypes.map((type) => ({ value: type, label: typeLabel(type) }))}
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
      <ExportEvents filters={filters} />
      <CursorList list={events} what="events" empty={<Empty>No events match.</Empty>}>
        {(rows) => (
          <ListTable
            columns={['#', 'Item', 'Project', 'What', 'Who', 'When', 'Changed']}
            caption="Events"
            stacked
          >
            {rows.map((event) => (
              <EventRow key={event.id} event={event} />
            ))}
          </ListTable>
        )}
      </CursorList>
    </>
  );
}

function EventRow(props: { event: AuditEvent }) {
  const nameOf = useNameOf();
  const { event } = props;
  const changed = Object.keys((event.eventData.changes ?? {}) as object);
  return (
    <tr>
      <td data-label="#">{event.sequence}</td>
      <td data-label="Item">
        <EntityName type={event.aggregateType} id={event.aggregateId} showType />
      </td>
      <td data-label="Project">
        <EntityProject type={event.aggregateType} id={event.aggregateId} />
      </td>
      <td data-label="What">
        <Link href={`/audit/${event.aggregateType}/${event.aggregateId}`}>{eventLabel(event.eventType)}</Link>{' '}
        <code className="muted">{event.eventType}</code>
      </td>
      <td data-label="Who">{nameOf(event.userId)}</td>
      <td data-label="When">
        <When at={event.occurredAt} />
      </td>
      <td data-label="Changed">{changedText(changed)}</td>
    </tr>
  );
}

/** The fields an event changed, in words; a creation sets them all, so only the first few are named. */
function changedText(fields: string[]): string {
  const named = fields.slice(0, 4).map(fieldLabel).join(', ');
  return fields.length > 4 ? `${named} and ${fields.length - 4} more` : named;
}

/** The events the filters select, as a file: CSV for a spreadsheet, NDJSON for a program. */
function ExportEvents(props: { filters: EventFilters }) {
  const query = exportQuery(props.filters);
  return (
    <p className="actions">
      <span className="muted">Export these events:</span>
      <DownloadButton
        label="CSV"
        path="/api/v1/audit/events/export"
        fileName="audit-events.csv"
        query={{ ...query, format: 'csv' }}
      />
      <DownloadButton
        label="NDJSON"
        path="/api/v1/audit/events/export"
        fileName="audit-events.ndjson"
        query={{ ...query, format: 'ndjson' }}
      />
    </p>
  );
}
