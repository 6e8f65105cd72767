import { useState } from 'react';
import { CursorList } from '../../components/cursor-list';
import { Section } from '../../components/layout';
import { Empty, Query } from '../../components/ui';
import { resultStatuses } from './format';
import { useCategories, useScenarios } from './queries';
import { ScenarioTable } from './scenario-table';

/** A run's failures grouped by category (Allure's categories.json, or product and test defects); one opens to its tests. */
export function CategoriesSection(props: { projectId: string; runId: string }) {
  const categories = useCategories(props.projectId, props.runId, true);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Section id="failure-categories" title="Failures by category">
      <Query query={categories} what="failure categories">
        {(rows) =>
          rows.length === 0 ? (
            <Empty>No failures.</Empty>
          ) : (
            <ul className="test-categories">
              {rows.map((category) => (
                <li key={category.name} className="test-category">
                  <button
                    type="button"
                    aria-expanded={open === category.name}
                    onClick={() => setOpen(open === category.name ? null : category.name)}
                  >
                    {category.name} <strong>{category.count}</strong>
                  </button>{' '}
                  {resultStatuses
                    .filter((entry) => category.statuses[entry.status] > 0)
                    .map((entry) => (
                      <span key={entry.status} className={`status test-status test-status-${entry.status}`}>
                        {category.statuses[entry.status]} {entry.status}
                      </span>
                    ))}
                  {open === category.name ? <CategoryTests {...props} category={category.name} /> : null}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </Section>
  );
}

function CategoryTests(props: { projectId: string; runId: string; category: string }) {
  const scenarios = useScenarios(props.projectId, props.runId, { category: props.category }, 20);
  return (
    <CursorList list={scenarios} what="tests of the category" empty={<Empty>No tests.</Empty>}>
      {(rows) => (
        <ScenarioTable projectId={props.projectId} rows={rows} caption={`Tests in ${props.category}`} />
      )}
    </CursorList>
  );
}
