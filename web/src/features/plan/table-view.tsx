import { useEffect, useState } from 'react';
import { CursorList } from '../../components/cursor-list';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { ListTable } from '../../components/list-table';
import { Empty, ErrorState, Loading } from '../../components/ui';
import { isSimple } from './form-fields';
import { usePlanRow, useRowPages } from './queries';
import { RowForm } from './row-form';
import { RowLine } from './row-line';
import type { AreaDescription, TableDescription } from './types';

/** How many fields besides the name a table shows as columns; the form shows them all. */
const shownFields = 3;

/** The columns of a table: its naming field, then its first few short fields. */
export function columnsOf(table: TableDescription) {
  const naming = table.fields.find((field) => field.name === table.nameField);
  const others = table.fields.filter((field) => field !== naming && isSimple(field)).slice(0, shownFields);
  return naming ? [naming, ...others] : others;
}

/** One table of an area: search, filters on its enum fields, its rows page by page, create, edit and delete. */
export function TableView(props: {
  projectId: string;
  area: AreaDescription;
  table: TableDescription;
  openRow: string | null;
  onOpenRow: (row: string | null) => void;
}) {
  const { projectId, area, table } = props;
  const key = { projectId, area: area.slug, table: table.name };
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [creating, setCreating] = useState(false);
  const searched = useSettled(q.trim());
  const query: Record<string, string> = { ...(searched ? { q: searched } : {}) };
  for (const [name, value] of Object.entries(filters)) if (value) query[`filter[${name}]`] = value;
  const list = useRowPages(key, query);
  const enums = table.fields.filter((field) => field.type === 'enum' && field.filterable);
  const columns = columnsOf(table);
  return (
    <>
      <FilterBar label={`Search ${table.label}`}>
        <TextFilter label="Search" type="search" value={q} onChange={setQ} />
        {enums.map((field) => (
          <SelectFilter
            key={field.name}
            label={field.label}
            value={filters[field.name] ?? ''}
            onChange={(value) => setFilters((current) => ({ ...current, [field.name]: value }))}
            choices={field.enumValues ?? []}
            any="Any"
          />
        ))}
        <button type="button" onClick={() => setCreating(!creating)} aria-expanded={creating}>
          New row
        </button>
      </FilterBar>
      {creating ? (
        <section className="panel" aria-label={`New row of ${table.label}`}>
          <RowForm
            projectId={projectId}
            area={area}
            table={table}
            onDone={() => setCreating(false)}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}
      <OpenRowOutsideList
        {...props}
        loaded={list.data?.pages.flatMap((page) => page.data.map((row) => row.id))}
      />
      <CursorList
        list={list}
        what={`the rows of ${table.label}`}
        empty={<Empty>{q || Object.values(filters).some(Boolean) ? 'No rows match.' : 'No rows yet.'}</Empty>}
      >
        {(rows) => (
          <ListTable
            columns={[...columns.map((field) => field.label), 'Actions']}
            caption={table.label}
            stacked
          >
            {rows.map((row) => (
              <RowLine
                key={row.id}
                projectId={projectId}
                area={area}
                table={table}
                columns={columns}
                row={row}
                open={row.id === props.openRow}
                onOpen={(open) => props.onOpenRow(open ? row.id : null)}
              />
            ))}
          </ListTable>
        )}
      </CursorList>
    </>
  );
}

/** The value once it has stopped changing for a moment, so that typing asks the server once. */
function useSettled(value: string, delay = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** A row named by `?row=` that the pages loaded so far do not hold: opened above the list. */
function OpenRowOutsideList(props: {
  projectId: string;
  area: AreaDescription;
  table: TableDescription;
  openRow: string | null;
  onOpenRow: (row: string | null) => void;
  loaded: string[] | undefined;
}) {
  const outside =
    props.openRow && props.loaded && !props.loaded.includes(props.openRow) ? props.openRow : null;
  const key = { projectId: props.projectId, area: props.area.slug, table: props.table.name };
  const row = usePlanRow(key, outside);
  if (!outside) return null;
  if (row.isPending) return <Loading what="the row" />;
  if (row.error || !row.data) return <ErrorState error={row.error} retry={() => row.refetch()} />;
  return (
    <section className="panel plan-highlight" aria-label="Opened row">
      <RowForm
        key={`${row.data.id}-${row.data.version}`}
        projectId={props.projectId}
        area={props.area}
        table={props.table}
        row={row.data}
        onDone={() => props.onOpenRow(null)}
        onCancel={() => props.onOpenRow(null)}
      />
    </section>
  );
}
