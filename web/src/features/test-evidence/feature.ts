import type { Feature } from '../../shell/feature';
import { FlakyTestsPage } from './flaky-page';
import { QuarantinedTestsPage } from './quarantined-page';
import { TestRunPage } from './run-page';
import { TestRunsPage } from './runs-page';
import { ScenarioPage } from './scenario-page';

/** A project's test evidence, reached from the project's page: no section of its own in the header. */
export const testEvidenceFeature: Feature = {
  routes: [
    { path: '/projects/:projectId/tests', component: TestRunsPage },
    { path: '/projects/:projectId/tests/flaky', component: FlakyTestsPage },
    { path: '/projects/:projectId/tests/quarantined', component: QuarantinedTestsPage },
    { path: '/projects/:projectId/tests/runs/:runId', component: TestRunPage },
    { path: '/projects/:projectId/tests/runs/:runId/scenarios/:scenarioId', component: ScenarioPage },
  ],
};
