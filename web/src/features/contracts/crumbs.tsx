import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';
import { type ContractKey, useContract } from './queries';

/**
 * The trail above a contract screen: the project, its API contracts unless this is that page, and
 * the contract when the screen belongs to one of its versions.
 */
export function ContractCrumbs(props: { projectId: string; inContracts?: boolean; contract?: ContractKey }) {
  const base = `/projects/${props.projectId}/contracts`;
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.inContracts || props.contract ? <Crumb href={base}>API contracts</Crumb> : null}
      {props.contract ? <ContractCrumb contract={props.contract} base={base} /> : null}
    </ProjectCrumbs>
  );
}

function ContractCrumb(props: { contract: ContractKey; base: string }) {
  const contract = useContract(props.contract);
  return <Crumb href={`${props.base}/${props.contract.contractId}`}>{contract.data?.name ?? 'API'}</Crumb>;
}
