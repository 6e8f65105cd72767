import { useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { Page, Section } from '../../components/layout';
import { Empty, Query, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { FindingCrumbs } from './crumbs';
import { FindingsTable } from './findings-table';
import { countsLine } from './format';
import { useFindingSet, useSetFindings } from './queries';

/** One SARIF upload: its tool, stream, commit and counts, and the findings it reported. */
export function FindingSetPage() {
  const { projectId, setId } = useParams<{ projectId: string; setId: string }>();
  const set = useFindingSet(projectId, setId);
  const findings = useSetFindings(projectId, setId);
  const nameOf = useNameOf();
  return (
    <Page crumbs={<FindingCrumbs projectId={projectId} inSets />}>
      <Query query={set} what="the finding set">
        {(data) => (
          <>
            <h1>
              {data.tool}
              {data.toolVersion ? ` ${data.toolVersion}` : ''} <span className="muted">{data.stream}</span>
            </h1>
            <dl className="facts">
              <dt>Counts</dt>
              <dd>{countsLine(data.counts)}</dd>
              <dt>Branch</dt>
              <dd>{data.branch ?? '—'}</dd>
              <dt>Commit</dt>
              <dd>{data.commitSha ? <code>{data.commitSha}</code> : '—'}</dd>
              <dt>Uploaded</dt>
              <dd>
                <When at={data.createdAt} /> by {nameOf(data.createdBy)}
              </dd>
            </dl>
          </>
        )}
      </Query>
      <Section id="set-findings" title="Findings reported">
        <CursorList list={findings} what="findings" empty={<Empty>This upload reported no finding.</Empty>}>
          {(rows) => (
            <FindingsTable projectId={projectId} rows={rows} caption="Findings this upload reported" />
          )}
        </CursorList>
      </Section>
    </Page>
  );
}
