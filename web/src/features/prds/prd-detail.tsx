import { Link, useParams } from 'wouter';
import { Page, Section } from '../../components/layout';
import { Query, Status, When } from '../../components/ui';
import { ExchangeButtons } from './exchange-buttons';
import { LintPanel } from './lint-panel';
import { PrdActions } from './prd-actions';
import { PrdCrumbs } from './prd-crumbs';
import { type PrdKey, usePrd } from './queries';
import { ReviewBanner } from './review-banner';
import { ReviewDocument } from './review-document';
import { ReviewRules } from './review-rules';
import { ReviewerPanel } from './reviewer-panel';

/**
 * A PRD under review, laid out like a pull request: where the review stands, the document with its
 * threads in the margin, and beside it reviewers, lint, the project's rules and files.
 */
export function PrdDetail() {
  const key = useParams<{ projectId: string; id: string }>() as PrdKey;
  const prd = usePrd(key);
  return (
    <Page crumbs={<PrdCrumbs projectId={key.projectId} />}>
      <Query query={prd} what="the PRD">
        {(p) => (
          <>
            <div className="title-row">
              <h1>
                {p.title} <Status value={p.status} />
              </h1>
              <div className="actions">
                <span className="muted">
                  Revision {p.currentRevision} · round {p.reviewRound} · updated <When at={p.updatedAt} />
                </span>
                <Link href={`/projects/${key.projectId}/prds/${key.id}/history`}>Revisions</Link>
                <Link href={`/audit/prd_review/${key.id}`}>Audit history</Link>
              </div>
            </div>
            <ReviewBanner prd={p} prdKey={key} />
            <PrdActions prd={p} prdKey={key} />
            <div className="review-layout prd-review-layout">
              <ReviewDocument prd={p} prdKey={key} />
              <aside aria-label="Review">
                <ReviewerPanel prd={p} prdKey={key} />
                <LintPanel prdKey={key} />
                <ReviewRules projectId={key.projectId} />
                <Section id="files" title="Export and import" className="panel">
                  <ExchangeButtons prdKey={key} />
                </Section>
              </aside>
            </div>
          </>
        )}
      </Query>
    </Page>
  );
}
