import { useEffect, useMemo, useState } from 'react';
import { lintPrd } from '../../../../src/modules/prd-reviews/lint.ts';
import { useReviewSettings } from './exchange-queries';
import { LintFindings } from './lint-findings';

/** How long typing must pause before the text is linted again. */
const pauseMs = 400;

/**
 * Lints the Markdown as it is written, with the same rules the server applies on save (the rule
 * module is pure, so the browser runs it too) and the project's required sections.
 */
export function LiveLint(props: { projectId: string; content: string }) {
  const settings = useReviewSettings(props.projectId);
  const [content, setContent] = useState(props.content);
  useEffect(() => {
    const timer = setTimeout(() => setContent(props.content), pauseMs);
    return () => clearTimeout(timer);
  }, [props.content]);
  const requiredSections = settings.data?.requiredSections ?? null;
  const findings = useMemo(() => lintPrd(content, { requiredSections }), [content, requiredSections]);
  return (
    <section className="panel prd-live-lint" aria-labelledby="live-lint-heading" aria-live="polite">
      <h2 id="live-lint-heading">
        Lint {findings.length ? <span className="muted">({findings.length})</span> : null}
      </h2>
      {findings.length === 0 ? (
        <p className="status status-approved">Clean</p>
      ) : (
        <LintFindings findings={findings} />
      )}
    </section>
  );
}
