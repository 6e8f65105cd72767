import { groupFindings, type LintFinding, shortMessage } from './lint-rules';

/** Lint findings under their rules' titles, each with its line when it has one. */
export function LintFindings(props: { findings: LintFinding[] }) {
  return groupFindings(props.findings).map((group) => (
    <div key={group.rule} className="prd-lint-group">
      <h3>
        {group.title} <span className="muted">({group.items.length})</span>
      </h3>
      <ul className="activity">
        {group.items.map((finding) => (
          <li key={`${finding.line}-${finding.message}`}>
            {finding.line ? <span className="muted">line {finding.line}: </span> : null}
            {shortMessage(finding)}
          </li>
        ))}
      </ul>
    </div>
  ));
}
