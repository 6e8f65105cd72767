import { Link } from 'wouter';
import { useProject } from '../projects/queries';
import { type ContractKey, useContract } from './queries';

/**
 * The trail above a contract screen: the project, its API contracts unless this is that page, and
 * the contract when the screen belongs to one of its versions.
 */
export function ContractCrumbs(props: { projectId: string; inContracts?: boolean; contract?: ContractKey }) {
  const project = useProject(props.projectId);
  const base = `/projects/${props.projectId}/contracts`;
  return (
    <>
      <Link href="/projects">Projects</Link> ›{' '}
      <Link href={`/projects/${props.projectId}`}>{project.data?.name ?? 'Project'}</Link>
      {props.inContracts || props.contract ? (
        <>
          {' '}
          › <Link href={base}>API contracts</Link>
        </>
      ) : null}
      {props.contract ? <ContractCrumb contract={props.contract} base={base} /> : null}
    </>
  );
}

function ContractCrumb(props: { contract: ContractKey; base: string }) {
  const contract = useContract(props.contract);
  return (
    <>
      {' '}
      › <Link href={`${props.base}/${props.contract.contractId}`}>{contract.data?.name ?? 'API'}</Link>
    </>
  );
}
