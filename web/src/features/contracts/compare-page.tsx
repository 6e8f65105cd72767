import { useState } from 'react';
import { useLocation, useParams, useSearch } from 'wouter';
import { SelectField } from '../../components/fields';
import { Form } from '../../components/forms';
import { Page, Section } from '../../components/layout';
import { Empty, Query } from '../../components/ui';
import { ChangeList } from './change-list';
import { ContractCrumbs } from './crumbs';
import { type ContractKey, type ContractVersion, useComparison, useVersionChoices } from './queries';

/**
 * Any two versions of an API compared now, with today's settings and consumers (nothing stored).
 * The pair is in the address (`?from=&to=`), so a comparison can be shared.
 */
export function ComparePage() {
  const { projectId, contractId } = useParams<{ projectId: string; contractId: string }>();
  const key: ContractKey = { projectId, contractId };
  const search = new URLSearchParams(useSearch());
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const versions = useVersionChoices(key);
  return (
    <Page crumbs={<ContractCrumbs projectId={projectId} contract={key} />}>
      <h1>Compare versions</h1>
      <Query query={versions} what="versions">
        {(page) =>
          page.data.length < 2 ? (
            <Empty>Two versions are needed to compare; upload another.</Empty>
          ) : (
            <PickVersions key={`${from}-${to}`} versions={page.data} from={from} to={to} />
          )
        }
      </Query>
      {from && to ? <Comparison contractKey={key} from={from} to={to} /> : null}
    </Page>
  );
}

/** The two versions to compare: by default the latest against the one before it. */
function PickVersions(props: { versions: ContractVersion[]; from: string; to: string }) {
  const [location, navigate] = useLocation();
  const [from, setFrom] = useState(props.from || props.versions[1]?.id || '');
  const [to, setTo] = useState(props.to || props.versions[0]?.id || '');
  const choices = props.versions.map((version) => ({ value: version.id, label: version.label }));
  const submit = () => navigate(`${location}?${new URLSearchParams({ from, to })}`);
  return (
    <Form className="inline-form panel" onSubmit={submit} aria-label="Versions to compare">
      <SelectField
        label="From (older)"
        name="compare-from"
        value={from}
        onChange={setFrom}
        choices={choices}
      />
      <SelectField label="To (newer)" name="compare-to" value={to} onChange={setTo} choices={choices} />
      <button type="submit" className="primary" disabled={!from || !to || from === to}>
        Compare
      </button>
    </Form>
  );
}

function Comparison(props: { contractKey: ContractKey; from: string; to: string }) {
  const comparison = useComparison(props.contractKey, props.from, props.to);
  return (
    <Section
      id="comparison"
      title={comparison.data ? `${comparison.data.from.label} → ${comparison.data.to.label}` : 'Changes'}
    >
      <Query query={comparison} what="the comparison">
        {(result) => <ChangeList diff={result.diff} idPrefix="compare" />}
      </Query>
    </Section>
  );
}
