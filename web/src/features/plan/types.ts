import type { components } from '../../api/schema';

export type AreaDescription = components['schemas']['PlanAreaDescription'];
export type TableDescription = AreaDescription['tables'][number];
