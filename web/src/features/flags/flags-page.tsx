import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { FilterBar, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty } from '../../components/ui';
import { useCan } from '../session/permissions';
import { FlagCrumbs } from './crumbs';
import { chosenEnvironment, EnvironmentTabs } from './environment-tabs';
import { NewFlagForm } from './new-flag-form';
import { useEnvironments, useFlags } from './queries';
import { FlagToggle } from './toggle';
import type { FlagSummary } from './types';

/** A project's flags in one environment at a time: their state, who owns them, and a switch each. */
export function FlagsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const [, navigate] = useLocation();
  const canWrite = useCan('write');
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState('');
  const [wanted, setWanted] = useState('production');
  const environments = useEnvironments(projectId);
  const flags = useFlags(projectId, q);
  const base = `/projects/${projectId}/flags`;
  const tabs = environments.data?.data ?? flags.data?.pages[0]?.data[0]?.environments ?? [];
  const tabList = tabs.map((tab) => ({
    key: 'key' in tab ? tab.key : tab.environment,
    production: tab.production,
  }));
  const selected = chosenEnvironment(tabList, wanted);
  return (
    <Page crumbs={<FlagCrumbs projectId={projectId} />}>
      <div className="title-row">
        <h1>Feature flags</h1>
        <div className="actions">
          <Link href={`${base}/stale`}>Stale flags</Link>
          <Link href={`${base}/settings`}>Segments and SDK keys</Link>
          {canWrite ? (
            <button
              type="button"
              className="primary"
              onClick={() => setCreating(!creating)}
              aria-expanded={creating}
            >
              New flag
            </button>
          ) : null}
        </div>
      </div>
      {creating ? (
        <section className="panel" aria-label="New flag">
          <NewFlagForm
            projectId={projectId}
            onDone={(key) => navigate(`${base}/${encodeURIComponent(key)}`)}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}
      <FilterBar label="Find flags">
        <TextFilter
          label="Search flags"
          type="search"
          value={q}
          onChange={setQ}
          placeholder="Key, description…"
        />
      </FilterBar>
      {tabList.length > 0 ? (
        <EnvironmentTabs
          environments={tabList}
          selected={selected}
          onSelect={setWanted}
          panelId="flags-panel"
        />
      ) : null}
      <div id="flags-panel" role="tabpanel" aria-labelledby={selected ? `env-tab-${selected}` : undefined}>
        <CursorList
          list={flags}
          what="flags"
          empty={<Empty>{q ? 'No flags match.' : 'No flags yet. Create the first one with New flag.'}</Empty>}
        >
          {(rows) => (
            <ListTable
              caption={`Flags in ${selected}`}
              columns={['Flag', 'Kind', 'Type', 'Owner', 'Removal date', 'Rollout', selected || 'State']}
            >
              {rows.map((flag) => (
                <FlagRow
                  key={flag.id}
                  flag={flag}
                  projectId={projectId}
                  environment={selected}
                  canWrite={canWrite}
                />
              ))}
            </ListTable>
          )}
        </CursorList>
      </div>
    </Page>
  );
}

function FlagRow(props: { flag: FlagSummary; projectId: string; environment: string; canWrite: boolean }) {
  const { flag } = props;
  const state = flag.environments.find((environment) => environment.environment === props.environment);
  return (
    <tr className={flag.stale ? 'flag-stale' : undefined}>
      <td>
        <Link href={`/projects/${props.projectId}/flags/${encodeURIComponent(flag.key)}`}>
          <code>{flag.key}</code>
        </Link>{' '}
        {flag.stale ? <span className="status flag-stale-mark">stale</span> : null}
        {flag.critical ? <span className="status">critical</span> : null}
      </td>
      <td>{flag.kind ?? '—'}</td>
      <td>{flag.valueType}</td>
      <td>{flag.owner ?? '—'}</td>
      <td className={pastDate(flag.removalDate) ? 'error' : undefined}>{flag.removalDate ?? '—'}</td>
      <td>
        {state ? `${state.rulesCount} ${state.rulesCount === 1 ? 'rule' : 'rules'} · ${state.rollout}%` : '—'}
      </td>
      <td>
        {state ? (
          <FlagToggle
            projectId={props.projectId}
            flagKey={flag.key}
            environment={state.environment}
            production={state.production}
            enabled={state.enabled}
            disabled={!props.canWrite}
          />
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

/** Whether a YYYY-MM-DD date is before today. */
export function pastDate(date: string | null): boolean {
  return Boolean(date && date < new Date().toISOString().slice(0, 10));
}
