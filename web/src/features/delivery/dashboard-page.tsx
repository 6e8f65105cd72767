import { useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { FilterBar, SelectFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { Query } from '../../components/ui';
import { DeliveryCrumbs, deliveryHrefs } from './crumbs';
import { DoraTiles } from './dora-tiles';
import { windowOf } from './format';
import { JiraSection } from './jira-section';
import { LeadTimeSection } from './lead-time-section';
import { ContributorsSection, ReviewersSection } from './people-section';
import { useDora } from './queries';
import { useSources } from './settings-queries';
import type { Dora, Interval, WindowDays } from './types';

const windows: readonly WindowDays[] = [30, 90, 180];

function windowDaysOf(value: string): WindowDays {
  return windows.find((days) => String(days) === value) ?? 90;
}

/** Nothing synced or imported yet: no source, and no figure computed from anything. */
function isEmpty(dora: Dora, sourceCount: number): boolean {
  const figures = [
    dora.deploymentFrequency,
    dora.leadTimeForChanges,
    dora.changeFailureRate,
    dora.timeToRestore,
  ];
  return sourceCount === 0 && figures.every((figure) => figure.sample === 0);
}

/** A project's delivery: DORA keys, merge request lead time, Jira cycle time, contributors and reviewers. */
export function DeliveryDashboardPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const [days, setDays] = useState<WindowDays>(90);
  const [interval, setBucketInterval] = useState<Interval>('week');
  const window = useMemo(() => windowOf(days), [days]);
  const dora = useDora(projectId, window);
  const sources = useSources(projectId);
  return (
    <Page crumbs={<DeliveryCrumbs projectId={projectId} />}>
      <div className="title-row">
        <h1>Delivery</h1>
        <div className="actions">
          <Link href={deliveryHrefs.settings(projectId)}>Delivery settings</Link>
        </div>
      </div>
      <FilterBar label="Delivery window">
        <SelectFilter
          label="Window"
          value={String(days)}
          onChange={(value) => setDays(windowDaysOf(value))}
          choices={windows.map((value) => ({ value: String(value), label: `Last ${value} days` }))}
        />
        <SelectFilter
          label="Per"
          value={interval}
          onChange={(value) => setBucketInterval(value === 'month' ? 'month' : 'week')}
          choices={[
            { value: 'week', label: 'Week' },
            { value: 'month', label: 'Month' },
          ]}
        />
      </FilterBar>
      <Query query={dora} what="the DORA keys">
        {(keys) =>
          isEmpty(keys, sources.data?.data.length ?? 0) && !sources.isPending ? (
            <NoData projectId={projectId} />
          ) : (
            <>
              <DoraTiles dora={keys} />
              <LeadTimeSection projectId={projectId} window={window} interval={interval} />
              <JiraSection projectId={projectId} window={window} interval={interval} />
              <div className="columns">
                <ContributorsSection projectId={projectId} window={window} />
                <ReviewersSection projectId={projectId} window={window} />
              </div>
            </>
          )
        }
      </Query>
    </Page>
  );
}

function NoData(props: { projectId: string }) {
  return (
    <section className="state empty" aria-labelledby="delivery-empty-heading">
      <h2 id="delivery-empty-heading">No delivery data yet</h2>
      <p>
        Connect a GitLab or Jira instance in{' '}
        <Link href={deliveryHrefs.connections}>Settings › Delivery connections</Link> (administrators), then
        add the project’s GitLab project or Jira query as a source and sync it in{' '}
        <Link href={deliveryHrefs.settings(props.projectId)}>Delivery settings</Link>. Exports can also be
        imported with <code>POST /api/v1/projects/{'{projectId}'}/delivery/imports</code>.
      </p>
    </section>
  );
}
