import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useParams } from 'wouter';
import { Page, Section } from '../../components/layout';
import { Query, Status, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { ConfigEditor } from './config-editor';
import { FlagCrumbs } from './crumbs';
import { FlagDetailsForm } from './details-form';
import { chosenEnvironment, EnvironmentTabs } from './environment-tabs';
import { pastDate } from './flags-page';
import { KillSwitch } from './kill-switch';
import { MetricsSection } from './metrics-chart';
import { PrerequisitesSection } from './prerequisites';
import { flagKeys, useFlag, useSegments } from './queries';
import { ScheduleSection } from './schedule-section';
import { FlagToggle } from './toggle';
import { TryItSection } from './try-it';
import type { FlagDetail } from './types';

/** One flag: what it is, its rules per environment, its prerequisites, evaluations, schedule and a try-out. */
export function FlagPage() {
  const { projectId, key } = useParams<{ projectId: string; key: string }>();
  const flagKey = decodeURIComponent(key);
  const flag = useFlag(projectId, flagKey);
  return (
    <Page crumbs={<FlagCrumbs projectId={projectId} inFlags />}>
      <Query query={flag} what="the flag">
        {(detail) => <FlagOverview projectId={projectId} flag={detail} />}
      </Query>
    </Page>
  );
}

function FlagOverview(props: { projectId: string; flag: FlagDetail }) {
  const { flag, projectId } = props;
  const canWrite = useCan('write');
  const client = useQueryClient();
  const segments = useSegments(projectId);
  const [wanted, setWanted] = useState('production');
  // Bumped by "Load the latest version": the editor starts again from what is stored.
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState(false);
  const tabs = flag.environments.map((config) => ({
    key: config.environment,
    production: config.production,
  }));
  const selected = chosenEnvironment(tabs, wanted);
  const config = flag.environments.find((item) => item.environment === selected);
  const reload = async () => {
    await client.refetchQueries({ queryKey: flagKeys.flag(projectId, flag.key) });
    setReloads((count) => count + 1);
  };
  return (
    <>
      <div className="title-row">
        <h1>
          <code>{flag.key}</code> {flag.status ? <Status value={flag.status} /> : null}{' '}
          {flag.stale ? <span className="status flag-stale-mark">stale</span> : null}
        </h1>
        {canWrite ? <KillSwitch projectId={projectId} flag={flag} /> : null}
      </div>
      {editing ? (
        <FlagDetailsForm projectId={projectId} flag={flag} onDone={() => setEditing(false)} />
      ) : (
        <>
          {flag.description ? <p className="description">{flag.description}</p> : null}
          <dl className="flag-facts">
            <Fact term="Kind">{flag.kind ?? '—'}</Fact>
            <Fact term="Type">{flag.valueType}</Fact>
            <Fact term="Owner">{flag.owner ?? '—'}</Fact>
            <Fact term="Removal date" className={pastDate(flag.removalDate) ? 'error' : undefined}>
              {flag.removalDate ?? '—'}
            </Fact>
            <Fact term="Critical">{flag.critical ? 'yes' : 'no'}</Fact>
            <Fact term="Last killed">
              <When at={flag.lastKilledAt} />
            </Fact>
            <Fact term="Last evaluated">
              <When at={flag.lastEvaluatedAt} />
            </Fact>
          </dl>
          {canWrite ? (
            <button type="button" onClick={() => setEditing(true)}>
              Edit details
            </button>
          ) : null}
        </>
      )}
      <Section id="flag-environments" title="Per environment">
        <EnvironmentTabs
          environments={tabs}
          selected={selected}
          onSelect={setWanted}
          panelId="flag-environment-panel"
        />
        <div
          id="flag-environment-panel"
          role="tabpanel"
          aria-labelledby={`env-tab-${selected}`}
          className="flag-environment-panel"
        >
          {config ? (
            <>
              <div className="actions">
                <span>
                  {flag.key} in {config.environment}:
                </span>
                <FlagToggle
                  projectId={projectId}
                  flagKey={flag.key}
                  environment={config.environment}
                  production={config.production}
                  enabled={config.enabled}
                  disabled={!canWrite}
                />
              </div>
              <ConfigEditor
                key={`${config.environment}-${reloads}`}
                projectId={projectId}
                flagKey={flag.key}
                type={flag.valueType}
                config={config}
                segments={segments.data?.pages.flatMap((page) => page.data) ?? []}
                canWrite={canWrite}
                onReload={() => void reload()}
              />
            </>
          ) : (
            <p className="muted">This flag has no environments yet.</p>
          )}
        </div>
      </Section>
      {config ? (
        <TryItSection projectId={projectId} flagKey={flag.key} environment={config.environment} />
      ) : null}
      <PrerequisitesSection
        key={flag.prerequisites.map((item) => item.flagKey).join(' ')}
        projectId={projectId}
        flag={flag}
        canWrite={canWrite}
      />
      {config ? (
        <MetricsSection projectId={projectId} flagKey={flag.key} environment={config.environment} />
      ) : null}
      {config ? (
        <ScheduleSection projectId={projectId} flagKey={flag.key} config={config} canWrite={canWrite} />
      ) : null}
    </>
  );
}

/** One fact about the flag: its name above its value. */
function Fact(props: { term: string; className?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd className={props.className}>{props.children}</dd>
    </div>
  );
}
