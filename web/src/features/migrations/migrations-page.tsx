import { Link, useParams } from 'wouter';
import { Page } from '../../components/layout';
import { MigrationCrumbs } from './crumbs';
import { LintRunsSection } from './lint-runs-section';
import { LintSettingsSection } from './lint-settings-section';
import { OpenRisksSection } from './open-risks-section';

/** A project's migrations: the latest lint runs, the risks still open, and the lint settings. */
export function MigrationsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  return (
    <Page crumbs={<MigrationCrumbs projectId={projectId} />}>
      <div className="title-row">
        <h1>Migrations</h1>
        <Link className="button primary-link" href={`/projects/${projectId}/migrations/check`}>
          Check SQL
        </Link>
      </div>
      <OpenRisksSection projectId={projectId} />
      <LintRunsSection projectId={projectId} />
      <LintSettingsSection projectId={projectId} />
    </Page>
  );
}
