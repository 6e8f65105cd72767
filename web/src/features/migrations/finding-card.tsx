import { Status } from '../../components/ui';
import { Heading, type Level } from './heading';
import { Markdown } from './markdown';
import type { Finding, LintRule } from './queries';

/**
 * One finding: the rule (title from the catalogue, and its id), the line, the statement, why it is
 * unsafe and the recipe for the safe way.
 */
export function FindingCard(props: {
  finding: Finding;
  rule: LintRule | undefined;
  level: Level;
  id: string;
}) {
  const { finding, rule } = props;
  const heading = `${props.id}-heading`;
  return (
    <article className={`finding finding-${finding.severity}`} aria-labelledby={heading}>
      <Heading level={props.level} id={heading}>
        {rule?.title ?? finding.ruleId} <code className="rule-id">{finding.ruleId}</code>
      </Heading>
      <p className="finding-meta">
        <Status value={finding.severity} /> <span>line {finding.line}</span>
        {finding.message && finding.message !== rule?.title ? <span> — {finding.message}</span> : null}
      </p>
      <pre className="statement">
        <code>{finding.statement}</code>
      </pre>
      <p>
        <strong>Why: </strong>
        {finding.why}
      </p>
      <div className="recipe">
        <p>
          <strong>Recipe</strong>
        </p>
        <Markdown text={finding.recipe} />
      </div>
    </article>
  );
}
