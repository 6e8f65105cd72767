import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { usePlanCounts } from './queries';

/** How much of the plan the project has written, area by area; part of the project's page. */
export function ProjectPlan(props: { projectId: string }) {
  const counts = usePlanCounts(props.projectId);
  const base = `/projects/${props.projectId}/plan`;
  return (
    <Section id="project-plan" title="Plan">
      <Query query={counts} what="the plan's row counts">
        {(found) => {
          const planned = found.areas.filter((area) => area.rows > 0);
          return (
            <p>
              {found.total} rows in {planned.length} of {found.areas.length} areas.
            </p>
          );
        }}
      </Query>
      <p className="actions">
        <Link href={base}>Areas, import and export</Link>
      </p>
    </Section>
  );
}
