import { useEffect } from 'react';
import { Link } from 'wouter';
import { Page } from '../../components/layout';
import { Query } from '../../components/ui';
import { type ContractRule, useContractRules } from './queries';
import { LevelBadge } from './verdict';

/** Rules grouped by the part of the contract they look at, in the catalogue's order. */
function bySection(rules: ContractRule[]): [string, ContractRule[]][] {
  const groups = new Map<string, ContractRule[]>();
  for (const rule of rules) groups.set(rule.section, [...(groups.get(rule.section) ?? []), rule]);
  return [...groups];
}

/**
 * The contract rule catalogue as the server runs it: each rule's id (the anchor a change's rule id
 * links to), level, title and why it matters, grouped by section.
 */
export function RulesPage() {
  const rules = useContractRules();
  const loaded = rules.data !== undefined;
  // The rules arrive after the page: only then does the anchor in the address exist to scroll to.
  useEffect(() => {
    if (!loaded || !window.location.hash) return;
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }, [loaded]);
  return (
    <Page crumbs={<Link href="/projects">Projects</Link>}>
      <h1>Contract rules</h1>
      <p className="muted">
        What a contract check reports, and how seriously: ERR breaks clients, WARN may, INFO does not. A
        project's contract settings may switch a rule off or change its level. docs/contract-checks.md shows
        each rule with an example.
      </p>
      <Query query={rules} what="the rule catalogue">
        {(catalogue) => (
          <>
            <p role="status">{catalogue.data.length} rules.</p>
            {bySection(catalogue.data).map(([section, sectionRules]) => (
              <section key={section} aria-labelledby={`section-${section}`}>
                <h2 id={`section-${section}`}>
                  {section.replace(/-/g, ' ')} ({sectionRules.length})
                </h2>
                {sectionRules.map((rule) => (
                  <article key={rule.id} id={rule.id} className={`change level-${rule.level}`}>
                    <h3>
                      {rule.title} <code className="rule-id">{rule.id}</code>
                    </h3>
                    <p className="finding-meta">
                      <LevelBadge level={rule.level} />
                    </p>
                    <p>{rule.why}</p>
                  </article>
                ))}
              </section>
            ))}
          </>
        )}
      </Query>
    </Page>
  );
}
