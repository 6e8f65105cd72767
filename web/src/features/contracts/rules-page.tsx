import { useEffect } from 'react';
import { Link } from 'wouter';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { Query } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { type ContractRule, changeLevels, useContractRules } from './queries';
import { LevelBadge } from './verdict';

/** Rules grouped by the part of the contract they look at, in the catalogue's order. */
function bySection(rules: ContractRule[]): [string, ContractRule[]][] {
  const groups = new Map<string, ContractRule[]>();
  for (const rule of rules) groups.set(rule.section, [...(groups.get(rule.section) ?? []), rule]);
  return [...groups];
}

/** `request-schema` → `Request schema`. */
function sectionTitle(section: string): string {
  const words = section.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function matches(rule: ContractRule, filters: { level: string; text: string }): boolean {
  const text = `${rule.id} ${rule.title} ${rule.why}`.toLowerCase();
  return (
    (!filters.level || rule.level === filters.level) &&
    filters.text
      .toLowerCase()
      .split(/\s+/)
      .every((word) => text.includes(word))
  );
}

/**
 * The contract rule catalogue as the server runs it: each rule's id (the anchor a change's rule id
 * links to), level, title and why it matters, grouped by section, with filters.
 */
export function RulesPage() {
  const rules = useContractRules();
  const [filters, set] = useValues({ level: '', text: '' });
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
      <FilterBar label="Filter rules">
        <SelectFilter
          label="Level"
          value={filters.level}
          onChange={set('level')}
          any="All levels"
          choices={changeLevels}
        />
        <TextFilter
          label="Text"
          type="search"
          value={filters.text}
          onChange={set('text')}
          placeholder="id, title, why…"
        />
      </FilterBar>
      <Query query={rules} what="the rule catalogue">
        {(catalogue) => {
          const shown = catalogue.data.filter((rule) => matches(rule, filters));
          return (
            <>
              <p role="status">
                {shown.length === catalogue.data.length
                  ? `${shown.length} rules.`
                  : `${shown.length} of ${catalogue.data.length} rules.`}
              </p>
              {bySection(shown).map(([section, sectionRules]) => (
                <section key={section} aria-labelledby={`section-${section}`}>
                  <h2 id={`section-${section}`}>
                    {sectionTitle(section)} ({sectionRules.length})
                  </h2>
                  {sectionRules.map((rule) => (
                    <article
                      key={rule.id}
                      id={rule.id}
                      className={`change level-${rule.level}`}
                      aria-labelledby={`${rule.id}-title`}
                    >
                      <h3 id={`${rule.id}-title`}>
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
          );
        }}
      </Query>
    </Page>
  );
}
