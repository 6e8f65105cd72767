import { Link } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { DownloadButton } from '../../components/download-button';
import { Filter, FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, Query, Status } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { MemberPicker } from '../members/member-picker';
import { useNameOf } from '../members/queries';
import { useProjectChoices } from '../projects/queries';
import { useCan } from '../session/permissions';
import { decisionStatuses } from './lifecycle';
import { MonthChart } from './month-chart';
import { type DecisionFilters, useDecisionList, useDecisionSettings, useDecisionTimeline } from './queries';

/** The decision log: filters (project, type, status, owner, tag, dates), search, a chart, export and import. */
export function DecisionList() {
  const [filters, set] = useValues({
    q: '',
    type: '',
    status: '',
    owner: '',
    project: '',
    tag: '',
    from: '',
    to: '',
  });
  const canCreate = useCan('write');
  return (
    <Page>
      <div className="title-row">
        <h1>Decisions</h1>
        <div className="actions">
          <DownloadButton
            label="Export zip"
            path="/api/v1/decision-logs/export"
            fileName="decisions.zip"
            query={{
              format: 'zip',
              project: filters.project || undefined,
              status: filters.status || undefined,
            }}
          />
          <DownloadButton
            label="Export CSV"
            path="/api/v1/decision-logs/export"
            fileName="decisions.csv"
            query={{
              format: 'csv',
              project: filters.project || undefined,
              status: filters.status || undefined,
            }}
          />
          {canCreate ? (
            <Link className="button" href="/decisions/import">
              Import ADRs
            </Link>
          ) : null}
          <Link className="button primary-link" href="/decisions/new">
            New decision
          </Link>
        </div>
      </div>
      <DecisionFilterBar filters={filters} set={set} />
      <DecisionRows filters={filters} />
      <DecisionChart project={filters.project} />
    </Page>
  );
}

function DecisionFilterBar(props: {
  filters: DecisionFilters;
  set: (name: keyof DecisionFilters) => (value: string) => void;
}) {
  const { filters, set } = props;
  const settings = useDecisionSettings();
  const projects = useProjectChoices();
  return (
    <FilterBar label="Filter decisions">
      <TextFilter
        label="Search decisions"
        type="search"
        value={filters.q}
        onChange={set('q')}
        placeholder="Title, context…"
      />
      <SelectFilter
        label="Project"
        value={filters.project}
        onChange={set('project')}
        choices={(projects.data?.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
        any="Any"
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
  );
}

function DecisionRows(props: { filters: DecisionFilters }) {
  const nameOf = useNameOf();
  const decisions = useDecisionList(props.filters);
  const projects = useProjectChoices();
  const projectName = (id: string | null) =>
    id ? (projects.data?.data.find((project) => project.id === id)?.name ?? '…') : 'Workspace-wide';
  return (
    <CursorList list={decisions} what="decisions" empty={<Empty>No decisions match.</Empty>}>
      {(rows) => (
        <ListTable
          columns={['Reference', 'Title', 'Project', 'Type', 'Status', 'Owner', 'Decided']}
          caption="Decisions"
          stacked
        >
          {rows.map((decision) => (
            <tr key={decision.id}>
              <td data-label="Reference">{decision.reference}</td>
              <td data-label="Title">
                <Link href={`/decisions/${decision.id}`}>{decision.title}</Link>
              </td>
              <td data-label="Project">
                {decision.projectId ? (
                  <Link href={`/projects/${decision.projectId}`}>{projectName(decision.projectId)}</Link>
                ) : (
                  <span className="muted">{projectName(null)}</span>
                )}
              </td>
              <td data-label="Type">{decision.decisionType}</td>
              <td data-label="Status">
                <Status value={decision.status} />
              </td>
              <td data-label="Owner">
                {decision.decisionOwnerId ? nameOf(decision.decisionOwnerId) : decision.decisionOwner || '—'}
              </td>
              <td data-label="Decided">{decision.decisionDate}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </CursorList>
  );
}

/** Decisions per month, stacked by status: is the team deciding more or less, and do the decisions hold? */
function DecisionChart(props: { project: string }) {
  const timeline = useDecisionTimeline(props.project);
  return (
    <section aria-labelledby="decision-chart-heading">
      <h2 id="decision-chart-heading">Decisions per month</h2>
      <Query query={timeline} what="the chart">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No decisions to chart yet.</Empty>
          ) : (
            <MonthChart
              title="Decisions per month by status"
              points={page.data.map((item) => ({ date: item.decisionDate, status: item.status }))}
            />
          )
        }
      </Query>
    </section>
  );
}
