import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { deliveryHrefs } from './crumbs';
import { useSources } from './settings-queries';

/** How many sources feed the project's delivery metrics, and the ways to them; part of the project's page. */
export function ProjectDelivery(props: { projectId: string }) {
  const sources = useSources(props.projectId);
  return (
    <Section id="project-delivery" title="Delivery metrics">
      <Query query={sources} what="delivery sources">
        {(data) => {
          const enabled = data.data.filter((source) => source.enabled).length;
          return (
            <p>
              {data.data.length === 0
                ? 'No GitLab or Jira source yet.'
                : `${enabled} of ${data.data.length} sources enabled.`}
            </p>
          );
        }}
      </Query>
      <p className="actions">
        <Link href={deliveryHrefs.dashboard(props.projectId)}>Delivery</Link>
        <Link href={deliveryHrefs.settings(props.projectId)}>Delivery settings</Link>
      </p>
    </Section>
  );
}
