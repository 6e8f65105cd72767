import { AppError } from '../../core/errors/app-error.ts';
import { defineResource } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import { checksById, findArea } from './area.ts';
import { planAreas } from './areas/index.ts';
import {
  areaExclusionCreateSchema,
  areaExclusionSchema,
  areaExclusionUpdateSchema,
  disabledCheckCreateSchema,
  disabledCheckSchema,
  disabledCheckUpdateSchema,
  waiverCreateSchema,
  waiverSchema,
  waiverUpdateSchema,
} from './contracts.ts';
import { planPermissions } from './permissions.ts';
import { planAreaExclusions, readinessDisabledChecks, readinessWaivers } from './tables.ts';

const maxWaiverDays = 366;
const planChecks = checksById(planAreas);

function assertKnownCheck(checkId: string): void {
  if (planChecks.has(checkId)) return;
  throw new AppError('unprocessable', `There is no check ${checkId}.`, {
    code: 'readiness.unknown_check',
    errors: [{ path: 'checkId', message: 'not a declared check (GET /api/v1/readiness/checks)' }],
  });
}

/** A waiver ends in the future, and within a year: waivers are for now, not forever. */
function assertExpiry(expiresAt: Date | undefined): void {
  if (!expiresAt) return;
  const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
  if (days <= 0 || days > maxWaiverDays) {
    throw new AppError('unprocessable', 'A waiver must expire in the future and within a year.', {
      code: 'readiness.waiver_expiry',
      errors: [{ path: 'expiresAt', message: 'must be in the future and at most a year ahead' }],
    });
  }
}

/** Waivers: a project may fail a check for a while, for a stated reason. Administrators grant them. */
export const waiverResource = defineResource({
  name: 'readiness_waiver',
  path: 'readiness/waivers',
  label: 'waiver',
  tag: 'Readiness',
  scope: 'project',
  table: readinessWaivers,
  schemas: { create: waiverCreateSchema, update: waiverUpdateSchema, output: waiverSchema },
  filters: {
    checkId: filterOn.text(readinessWaivers.checkId, ['eq', 'in']),
    expiresAt: filterOn.timestamp(readinessWaivers.expiresAt),
  },
  sortable: { createdAt: readinessWaivers.createdAt, expiresAt: readinessWaivers.expiresAt },
  defaultSort: '-createdAt',
  searchable: [readinessWaivers.checkId, readinessWaivers.reason],
  auditedFields: ['checkId', 'reason', 'expiresAt'],
  permissions: {
    read: planPermissions.readinessRead,
    create: planPermissions.waive,
    update: planPermissions.waive,
    delete: planPermissions.waive,
  },
  hooks: {
    beforeCreate: (values) => {
      assertKnownCheck(values.checkId);
      assertExpiry(values.expiresAt);
      return values;
    },
    beforeUpdate: (changes) => {
      assertExpiry(changes.expiresAt);
      return changes;
    },
    toOutput: (row) => ({ active: row.expiresAt.getTime() > Date.now() }),
  },
});

/** Checks a workspace has turned off, for every project, with the reason. */
export const disabledCheckResource = defineResource({
  name: 'readiness_disabled_check',
  path: 'readiness/disabled-checks',
  label: 'disabled check',
  tag: 'Readiness',
  scope: 'workspace',
  table: readinessDisabledChecks,
  schemas: {
    create: disabledCheckCreateSchema,
    update: disabledCheckUpdateSchema,
    output: disabledCheckSchema,
  },
  filters: { checkId: filterOn.text(readinessDisabledChecks.checkId, ['eq', 'in']) },
  sortable: { createdAt: readinessDisabledChecks.createdAt, checkId: readinessDisabledChecks.checkId },
  defaultSort: '-createdAt',
  searchable: [readinessDisabledChecks.checkId, readinessDisabledChecks.reason],
  permissions: {
    read: planPermissions.readinessRead,
    create: planPermissions.disableCheck,
    update: planPermissions.disableCheck,
    delete: planPermissions.disableCheck,
  },
  hooks: {
    beforeCreate: (values) => {
      assertKnownCheck(values.checkId);
      return values;
    },
  },
});

/** Areas a project does not need (a single-tenant tool needs no tenancy plan), with the reason. */
export const areaExclusionResource = defineResource({
  name: 'plan_area_exclusion',
  path: 'readiness/not-applicable-areas',
  label: 'area marked not applicable',
  tag: 'Readiness',
  scope: 'project',
  table: planAreaExclusions,
  schemas: {
    create: areaExclusionCreateSchema,
    update: areaExclusionUpdateSchema,
    output: areaExclusionSchema,
  },
  filters: { area: filterOn.text(planAreaExclusions.area, ['eq', 'in']) },
  sortable: { createdAt: planAreaExclusions.createdAt, area: planAreaExclusions.area },
  defaultSort: 'area',
  searchable: [planAreaExclusions.area, planAreaExclusions.reason],
  permissions: {
    read: planPermissions.readinessRead,
    create: planPermissions.markNotApplicable,
    update: planPermissions.markNotApplicable,
    delete: planPermissions.markNotApplicable,
  },
  hooks: {
    beforeCreate: (values) => {
      if (!findArea(planAreas, values.area)) {
        throw new AppError('unprocessable', `There is no plan area ${values.area}.`, {
          code: 'plan.unknown_area',
          errors: [{ path: 'area', message: 'not an area slug (GET /api/v1/plan/areas)' }],
        });
      }
      return values;
    },
  },
});
