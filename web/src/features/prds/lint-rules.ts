/** What each lint rule is called where people read it (the API answers rule ids). */
export const lintRuleTitles: Record<string, string> = {
  missing_section: 'Missing sections',
  vague_word: 'Vague wording',
  missing_acceptance_criterion: 'Requirements without acceptance criteria',
  needs_clarification: 'Open clarifications',
  unresolved_comment: 'Unresolved threads',
};

export type LintFinding = { rule: string; message: string; line: number | null };

/** Findings grouped under their rule's title, in the order above; unresolved threads left out. */
export function groupFindings(
  findings: LintFinding[],
): { rule: string; title: string; items: LintFinding[] }[] {
  return Object.entries(lintRuleTitles)
    .filter(([rule]) => rule !== 'unresolved_comment')
    .map(([rule, title]) => ({ rule, title, items: findings.filter((finding) => finding.rule === rule) }))
    .filter((group) => group.items.length > 0);
}

/** A finding's message without what its rule's title already says. */
export function shortMessage(finding: LintFinding): string {
  return finding.message
    .replace(/^Missing section: /, '')
    .replace(/^Open clarification: /, '')
    .replace(/^Vague wording in a requirement \((.*)\): /, '$1: ')
    .replace(/^Requirement without an acceptance criterion: /, '');
}
