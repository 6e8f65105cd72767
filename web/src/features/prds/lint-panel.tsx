import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { focusById } from './comment-threads';
import { LintFindings } from './lint-findings';
import { type PrdKey, usePrdLint } from './queries';

/**
 * What lint finds in the current revision, beside the document. Unresolved threads are only
 * counted: they are in the margin and the conversation already.
 */
export function LintPanel(props: { prdKey: PrdKey }) {
  const lint = usePrdLint(props.prdKey);
  return (
    <Section id="lint" title="Lint" className="panel">
      <Query query={lint} what="lint results">
        {(result) => {
          const unresolved = result.problems.filter(
            (problem) => problem.rule === 'unresolved_comment',
          ).length;
          if (result.clean) return <p className="status status-approved">Clean</p>;
          return (
            <>
              <LintFindings findings={result.problems} />
              {unresolved ? (
                <p>
                  <button type="button" onClick={() => focusById('threads')}>
                    {unresolved} open thread{unresolved === 1 ? '' : 's'}
                  </button>{' '}
                  <span className="muted">not resolved yet</span>
                </p>
              ) : null}
            </>
          );
        }}
      </Query>
    </Section>
  );
}
