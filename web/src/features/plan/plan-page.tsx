import { Link, useParams } from 'wouter';
import { Page, Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, Query } from '../../components/ui';
import { PlanCrumbs } from './crumbs';
import { ImportPlan } from './import-plan';
import { type PlanCounts, useExportPlan, usePlanAreas, usePlanCounts } from './queries';

/** A project's plan: the 25 areas with how many rows each holds, export and import. */
export function PlanPage() {
  const { projectId } = useParams<{ projectId: string }>();
  return (
    <Page crumbs={<PlanCrumbs projectId={projectId} />}>
      <div className="title-row">
        <h1>Plan</h1>
        <ExportButtons projectId={projectId} />
      </div>
      <p className="muted">
        What the project plans in each area of production readiness. Open an area to edit its tables.
      </p>
      <AreaList projectId={projectId} />
      <ImportPlan projectId={projectId} />
    </Page>
  );
}

function ExportButtons(props: { projectId: string }) {
  const exported = useExportPlan(props.projectId);
  return (
    <div className="actions">
      <button type="button" onClick={() => exported.mutate('md')} disabled={exported.isPending}>
        Export Markdown
      </button>
      <button type="button" onClick={() => exported.mutate('json')} disabled={exported.isPending}>
        Export JSON
      </button>
      <FormError error={exported.error} />
    </div>
  );
}

function AreaList(props: { projectId: string }) {
  const areas = usePlanAreas();
  const counts = usePlanCounts(props.projectId);
  return (
    <Section id="plan-areas" title="Areas">
      <Query query={areas} what="the areas">
        {(list) =>
          list.data.length === 0 ? (
            <Empty>The plan has no areas.</Empty>
          ) : (
            <Query query={counts} what="the row counts">
              {(found) => (
                <ListTable columns={['#', 'Area', 'Tables', 'Rows']} caption="Areas of the plan" stacked>
                  {list.data.map((area) => (
                    <tr key={area.slug}>
                      <td data-label="#">{area.number}</td>
                      <td data-label="Area">
                        <Link href={`/projects/${props.projectId}/plan/${area.slug}`}>{area.title}</Link>
                      </td>
                      <td data-label="Tables">{area.tables.length}</td>
                      <td data-label="Rows">{rowsOf(found, area.slug)}</td>
                    </tr>
                  ))}
                </ListTable>
              )}
            </Query>
          )
        }
      </Query>
    </Section>
  );
}

export function rowsOf(counts: PlanCounts, area: string): number {
  return counts.areas.find((candidate) => candidate.slug === area)?.rows ?? 0;
}
