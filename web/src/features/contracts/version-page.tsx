import { Link, useParams } from 'wouter';
import { Page, Section } from '../../components/layout';
import { Query, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { ChangeList } from './change-list';
import { ContractCrumbs } from './crumbs';
import { MigrationGuide } from './migration-guide';
import { type ContractKey, type ContractVersion, useContract, useStoredDiff, useVersion } from './queries';
import { ReviewPanel } from './review-panel';

/**
 * One version of an API: where it came from, the review of its breaking changes, its changes
 * against the version before (by level, with the consumers each affects) and the migration guide.
 */
export function VersionPage() {
  const { projectId, contractId, versionId } = useParams<{
    projectId: string;
    contractId: string;
    versionId: string;
  }>();
  const key: ContractKey = { projectId, contractId };
  const version = useVersion(key, versionId);
  const contract = useContract(key);
  const apiName = contract.data?.name ?? 'API';
  return (
    <Page crumbs={<ContractCrumbs projectId={projectId} contract={key} />}>
      <Query query={version} what="the version">
        {(v) => (
          <>
            <h1>
              {apiName} {v.label}
            </h1>
            <VersionFacts contractKey={key} version={v} />
            <ReviewPanel contractKey={key} version={v} />
            {v.previousVersionId ? (
              <>
                <StoredChanges contractKey={key} version={v} />
                <MigrationGuide contractKey={key} versionId={v.id} apiName={apiName} />
              </>
            ) : (
              <p className="muted">
                The first version of {apiName}: there is nothing before it to compare with.
              </p>
            )}
          </>
        )}
      </Query>
    </Page>
  );
}

function VersionFacts(props: { contractKey: ContractKey; version: ContractVersion }) {
  const v = props.version;
  const nameOf = useNameOf();
  const document = [
    v.title,
    v.declaredVersion ? `info.version ${v.declaredVersion}` : null,
    v.openapiVersion ? `OpenAPI ${v.openapiVersion}` : v.kind === 'graphql' ? 'GraphQL' : null,
    v.convertedFrom ? `converted from Swagger ${v.convertedFrom}` : null,
  ].filter(Boolean);
  return (
    <dl className="facts">
      <dt>Uploaded</dt>
      <dd>
        <When at={v.createdAt} /> by {nameOf(v.uploadedBy)}
      </dd>
      <dt>Commit</dt>
      <dd>{v.commitSha ? <code>{v.commitSha}</code> : '—'}</dd>
      <dt>Document</dt>
      <dd>{document.join(' · ') || '—'}</dd>
      <dt>Files</dt>
      <dd>{v.files.length > 0 ? v.files.map((file) => <code key={file}>{file} </code>) : '—'}</dd>
      <dt>Content hash</dt>
      <dd>
        <code title={v.contentHash}>{v.contentHash.slice(0, 16)}</code>
      </dd>
    </dl>
  );
}

/** The changes stored at upload, against the version it was compared with. */
function StoredChanges(props: { contractKey: ContractKey; version: ContractVersion }) {
  const diff = useStoredDiff(props.contractKey, props.version.id);
  const base = `/projects/${props.contractKey.projectId}/contracts/${props.contractKey.contractId}`;
  return (
    <Section id="changes" title="Changes">
      <Query query={diff} what="the changes">
        {(d) => (
          <>
            <p>
              Against <Link href={`${base}/versions/${d.from.id}`}>{d.from.label}</Link>, as judged at upload
              with the consumers registered then.{' '}
              <Link href={`${base}/compare?from=${d.from.id}&to=${d.to.id}`}>Compare again now</Link>
            </p>
            <ChangeList diff={d.diff} idPrefix="changes" />
          </>
        )}
      </Query>
    </Section>
  );
}
