import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { type PrdKey, usePrdLint } from './queries';

/** What lint finds in the current revision, beside the document. */
export function LintPanel(props: { prdKey: PrdKey }) {
  const lint = usePrdLint(props.prdKey);
  return (
    <Section id="lint" title="Lint" className="panel">
      <Query query={lint} what="lint results">
        {(result) =>
          result.clean ? (
            <p className="status status-approved">Clean</p>
          ) : (
            <ul className="activity">
              {result.problems.map((problem) => (
                <li key={`${problem.rule}-${problem.line}-${problem.message}`}>
                  {problem.line ? <span className="muted">line {problem.line}: </span> : null}
                  {problem.message}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </Section>
  );
}
