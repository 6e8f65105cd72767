import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { Page } from '../../components/layout';
import { Query, Status, When } from '../../components/ui';
import { type Anchor, anchorFor } from './anchors';
import { CommentComposer } from './comment-composer';
import { CommentThreads } from './comment-threads';
import { LintPanel } from './lint-panel';
import { markQuotes } from './mark-quotes';
import { PrdActions } from './prd-actions';
import { type PrdKey, usePrd, usePrdComments, usePrdHtml } from './queries';
import { ReviewerPanel } from './reviewer-panel';

/** A PRD under review: the rendered document, comments on selected text, reviewers, lint, actions. */
export function PrdDetail() {
  const key = useParams<{ projectId: string; id: string }>() as PrdKey;
  const prd = usePrd(key);
  const html = usePrdHtml(key);
  const comments = usePrdComments(key);
  // Mark what open threads quote, once the document and the comments are both in.
  const documentRef = useRef<HTMLElement>(null);
  const openQuotes = (comments.data?.data ?? [])
    .filter((comment) => !comment.parentId && !comment.resolvedAt && !comment.outdated && comment.anchor)
    .map((comment) => comment.anchor?.quote ?? '');
  const quotesKey = openQuotes.join('\u0000');
  useEffect(() => {
    if (documentRef.current && html.data)
      markQuotes(documentRef.current, quotesKey ? quotesKey.split('\u0000') : []);
  }, [html.data, quotesKey]);
  const [selection, setSelection] = useState<Anchor | null>(null);
  const [selectionError, setSelectionError] = useState<string | null>(null);

  const captureSelection = () => {
    const text = window.getSelection()?.toString() ?? '';
    if (!text.trim() || !prd.data) return;
    const anchor = anchorFor(prd.data.content, text);
    setSelection(anchor);
    setSelectionError(anchor ? null : 'That selection spans formatting; select text within one paragraph.');
  };

  return (
    <Page
      crumbs={
        <>
          <Link href="/projects">Projects</Link> › <Link href={`/projects/${key.projectId}`}>Project</Link>
        </>
      }
    >
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
            <PrdActions prd={p} prdKey={key} />
            <div className="review-layout">
              <section aria-label="Document">
                <Query query={html} what="the document">
                  {(rendered) => (
                    <article
                      ref={documentRef}
                      key={`${rendered.revision}-${quotesKey}`}
                      className="document"
                      onMouseUp={captureSelection}
                      onKeyUp={captureSelection}
                      // The server sanitizes this HTML (it renders the Markdown itself).
                      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized server-side
                      dangerouslySetInnerHTML={{ __html: rendered.html }}
                    />
                  )}
                </Query>
                {selectionError ? (
                  <p className="error" role="alert">
                    {selectionError}
                  </p>
                ) : null}
                <CommentComposer
                  prdKey={key}
                  revision={p.currentRevision}
                  content={p.content}
                  anchor={selection}
                  onDone={() => setSelection(null)}
                />
                <CommentThreads prdKey={key} />
              </section>
              <aside aria-label="Review">
                <ReviewerPanel prd={p} prdKey={key} />
                <LintPanel prdKey={key} />
              </aside>
            </div>
          </>
        )}
      </Query>
    </Page>
  );
}
