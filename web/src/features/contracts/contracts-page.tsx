import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { Page, Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, Query, Status } from '../../components/ui';
import { useCan } from '../session/permissions';
import { AddContractForm } from './add-contract-form';
import { ContractCrumbs } from './crumbs';
import { LatestVersion } from './latest-version';
import { type ApiContract, useContracts } from './queries';

/** A project's API contracts: each with its newest version, that version's changes and its review. */
export function ContractsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const contracts = useContracts(projectId);
  const canWrite = useCan('write');
  const [adding, setAdding] = useState(false);
  const [, navigate] = useLocation();
  return (
    <Page crumbs={<ContractCrumbs projectId={projectId} />}>
      <div className="title-row">
        <h1>API contracts</h1>
        <div className="actions">
          <Link href="/contracts/rules">Rules</Link>
          {canWrite ? (
            <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>
              Add an API
            </button>
          ) : null}
        </div>
      </div>
      {adding ? (
        <section className="panel" aria-label="New API">
          <AddContractForm
            projectId={projectId}
            onDone={(contractId) => navigate(`/projects/${projectId}/contracts/${contractId}`)}
          />
        </section>
      ) : null}
      <Section id="contracts" title="APIs">
        <Query query={contracts} what="API contracts">
          {(page) =>
            page.data.length === 0 ? (
              <Empty>
                No API contracts yet. Add one, then upload its OpenAPI or GraphQL document here or with{' '}
                <code>shipshape contracts upload</code> from CI.
              </Empty>
            ) : (
              <ContractsTable projectId={projectId} contracts={page.data} />
            )
          }
        </Query>
      </Section>
    </Page>
  );
}

function ContractsTable(props: { projectId: string; contracts: ApiContract[] }) {
  return (
    <ListTable
      stacked
      caption="API contracts by name"
      columns={['API', 'Kind', 'Latest version', 'Uploaded', 'Changes', 'Review']}
    >
      {props.contracts.map((contract) => {
        const key = { projectId: props.projectId, contractId: contract.id };
        return (
          <tr key={contract.id}>
            <td data-label="API">
              <Link href={`/projects/${props.projectId}/contracts/${contract.id}`}>{contract.name}</Link>{' '}
              {contract.status === 'published' ? null : <Status value={contract.status} />}
            </td>
            <td data-label="Kind">{contract.kind}</td>
            <td data-label="Latest version">
              <LatestVersion contract={key} field="version" />
            </td>
            <td data-label="Uploaded">
              <LatestVersion contract={key} field="uploaded" />
            </td>
            <td data-label="Changes">
              <LatestVersion contract={key} field="changes" />
            </td>
            <td data-label="Review">
              <LatestVersion contract={key} field="review" />
            </td>
          </tr>
        );
      })}
    </ListTable>
  );
}
