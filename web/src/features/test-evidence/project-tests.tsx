import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query, When } from '../../components/ui';
import { testHrefs } from './crumbs';
import { useTestRuns } from './queries';
import { RunStatus, TotalsLine } from './run-status';

const noFilters = { branch: '', status: '', q: '' };

/** The project's latest test run in a line, and the way to its test evidence; part of the project's page. */
export function ProjectTests(props: { projectId: string }) {
  const runs = useTestRuns(props.projectId, noFilters);
  const base = testHrefs.runs(props.projectId);
  return (
    <Section id="project-tests" title="Test runs">
      <Query query={runs} what="test runs">
        {(data) => {
          const latest = data.pages[0]?.data[0];
          return latest ? (
            <p>
              Latest: <Link href={testHrefs.run(props.projectId, latest.id)}>{latest.name}</Link>,{' '}
              <When at={latest.createdAt} />: <RunStatus run={latest} /> <TotalsLine run={latest} />
            </p>
          ) : (
            <p className="muted">No test results uploaded yet.</p>
          );
        }}
      </Query>
      <p className="actions">
        <Link href={base}>Test runs</Link>
        <Link href={`${base}/flaky`}>Flaky tests</Link>
        <Link href={`${base}/quarantined`}>Quarantined tests</Link>
      </p>
    </Section>
  );
}
