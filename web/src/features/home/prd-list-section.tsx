import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Empty, ErrorState, Loading, Status, When } from '../../components/ui';
import type { useReviewRequests } from './queries';

/** PRDs across projects from one of the home page's PRD queries, or why there are none. */
export function PrdListSection(props: {
  id: string;
  title: string;
  list: ReturnType<typeof useReviewRequests>;
  empty: string;
}) {
  const { list } = props;
  return (
    <Section id={props.id} title={props.title}>
      {list.projects.error ? (
        <ErrorState error={list.projects.error} retry={() => list.projects.refetch()} />
      ) : list.error ? (
        <ErrorState error={list.error} retry={list.retry} />
      ) : list.loading ? (
        <Loading what="PRDs" />
      ) : list.prds.length === 0 ? (
        <Empty>{props.empty}</Empty>
      ) : (
        <ul className="cards">
          {list.prds.map(({ prd, project }) => (
            <li key={prd.id}>
              <Link href={`/projects/${prd.projectId}/prds/${prd.id}`}>{prd.title}</Link>
              <span className="muted"> in {project?.name}</span> <Status value={prd.status} />{' '}
              <When at={prd.updatedAt} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
