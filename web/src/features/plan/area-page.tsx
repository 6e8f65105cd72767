import { Link, useParams, useSearchParams } from 'wouter';
import { Page } from '../../components/layout';
import { Empty, Query } from '../../components/ui';
import { PlanCrumbs } from './crumbs';
import { useAreaDescription, usePlanCounts } from './queries';
import { panelId, TableTabs, tabId } from './table-tabs';
import { TableView } from './table-view';
import type { AreaDescription } from './types';

/** One area of a project's plan: a tab per table, each a table editor built from the area's description. */
export function AreaPage() {
  const { projectId, area } = useParams<{ projectId: string; area: string }>();
  const description = useAreaDescription(area);
  return (
    <Page crumbs={<PlanCrumbs projectId={projectId} inArea />}>
      <Query query={description} what="the area">
        {(found) => <AreaTables projectId={projectId} area={found} />}
      </Query>
    </Page>
  );
}

function AreaTables(props: { projectId: string; area: AreaDescription }) {
  const { projectId, area } = props;
  const [search, setSearch] = useSearchParams();
  const counts = usePlanCounts(projectId);
  const chosen = search.get('table');
  const table = area.tables.find((candidate) => candidate.name === chosen) ?? area.tables[0];
  return (
    <>
      <div className="title-row">
        <h1>
          {area.number}. {area.title}
        </h1>
        <div className="actions">
          <Link href={`/projects/${projectId}/readiness/areas/${area.slug}`}>Readiness of this area</Link>
        </div>
      </div>
      <p className="muted">{area.summary}</p>
      {table ? (
        <>
          <TableTabs
            tables={area.tables}
            selected={table.name}
            counts={counts.data?.areas.find((candidate) => candidate.slug === area.slug)?.tables}
            onSelect={(name) => setSearch({ table: name })}
          />
          <section
            className="plan-panel"
            role="tabpanel"
            id={panelId(table.name)}
            aria-labelledby={tabId(table.name)}
          >
            <p className="muted">{table.purpose}</p>
            <TableView
              key={table.name}
              projectId={projectId}
              area={area}
              table={table}
              openRow={search.get('row')}
              onOpenRow={(row) => setSearch(row ? { table: table.name, row } : { table: table.name })}
            />
          </section>
        </>
      ) : (
        <Empty>This area has no tables.</Empty>
      )}
    </>
  );
}
