import { Link } from 'wouter';

/** Where the rule catalogue screen shows a rule: its id is the anchor, as in docs/contract-checks.md. */
export function ruleHref(ruleId: string): string {
  return `/contracts/rules#${encodeURIComponent(ruleId)}`;
}

/** A rule's id, linking to its entry in the catalogue (what it checks and why it matters). */
export function RuleLink(props: { ruleId: string }) {
  return (
    <Link href={ruleHref(props.ruleId)} className="rule-id">
      <code>{props.ruleId}</code>
    </Link>
  );
}
