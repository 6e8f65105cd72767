import type { ModuleDefinition } from '../core/app/module.ts';
import { auditModule } from './audit/index.ts';
import { backupModule } from './backup/index.ts';
import { contractsModule } from './contracts/index.ts';
import { decisionLogsModule } from './decision-logs/index.ts';
import { deliveryModule } from './delivery/index.ts';
import { findingsModule } from './findings/index.ts';
import { flagsModule } from './flags/index.ts';
import { identityModule } from './identity/index.ts';
import { metadataModule } from './metadata/index.ts';
import { migrationSafetyModule } from './migration-safety/index.ts';
import { planModule } from './plan/index.ts';
import { prdReviewsModule } from './prd-reviews/index.ts';
import { projectsModule } from './projects/index.ts';
import { sagasModule } from './sagas/index.ts';
import { schemaExportModule } from './schema-export/index.ts';
import { searchModule } from './search/index.ts';
import { tasksModule } from './tasks/index.ts';
import { testEvidenceModule } from './test-evidence/index.ts';

/** Every capability Shipshape serves, in the order the app installs them. */
export const shipshapeModules: readonly ModuleDefinition[] = [
  identityModule,
  projectsModule,
  auditModule,
  prdReviewsModule,
  decisionLogsModule,
  metadataModule,
  searchModule,
  planModule,
  migrationSafetyModule,
  contractsModule,
  flagsModule,
  testEvidenceModule,
  deliveryModule,
  findingsModule,
  tasksModule,
  sagasModule,
  schemaExportModule,
  backupModule,
];
