import { defineModule } from '../../core/app/module.ts';
import { abandonedUploadsJob } from './abandoned-uploads.ts';
import { testRunImportSaga } from './import-saga.ts';
import { testRunResource } from './resource.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { getTestAttachmentRoute } from './routes/runs.ts';
import { uploadTestRunRoute } from './routes/upload.ts';
import {
  allureReport,
  allureScenarios,
  allureSteps,
  testAttachments,
  testGateEvaluations,
  testRunAttachments,
  testRunUploadChunks,
} from './tables.ts';

/**
 * Test evidence: the runs a project's CI uploads (Allure results folders, JUnit reports), imported
 * by a saga each (`test-evidence.import`), and what they answer — failures by category, new failures, flaky tests, history, gates.
 */
export const testEvidenceModule = defineModule({
  name: 'test-evidence',
  resources: [testRunResource],
  routes: [uploadTestRunRoute, getTestAttachmentRoute, ...analysisRoutes],
  jobs: [abandonedUploadsJob],
  sagas: [testRunImportSaga],
  tables: [
    allureReport,
    testRunUploadChunks,
    allureScenarios,
    allureSteps,
    testAttachments,
    testRunAttachments,
    testGateEvaluations,
  ],
});
