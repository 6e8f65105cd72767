import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { useFlags } from './queries';

/** The project's flags in a line, and the way to them; part of the project's page. */
export function ProjectFlags(props: { projectId: string }) {
  const flags = useFlags(props.projectId);
  const base = `/projects/${props.projectId}/flags`;
  return (
    <Section id="project-flags" title="Feature flags">
      <Query query={flags} what="feature flags">
        {(data) => {
          const rows = data.pages.flatMap((page) => page.data);
          if (rows.length === 0) return <p className="muted">No feature flags yet.</p>;
          const stale = rows.filter((flag) => flag.stale).length;
          const more = data.pages[data.pages.length - 1]?.nextCursor ? ' or more' : '';
          return (
            <p>
              {rows.length}
              {more} flags{stale ? `, ${stale} stale` : ''}.
            </p>
          );
        }}
      </Query>
      <p className="actions">
        <Link href={base}>Feature flags</Link>
        <Link href={`${base}/stale`}>Stale flags</Link>
        <Link href={`${base}/settings`}>Segments and SDK keys</Link>
      </p>
    </Section>
  );
}
