import type { Rule } from '../types.ts';
import { columnTypeRules } from './column-types.ts';
import { indexRules } from './indexes.ts';
import { maintenanceRules } from './maintenance.ts';
import { transactionRules } from './transactions.ts';

/** The whole catalogue, in the order the documentation lists it. */
export const rules: readonly Rule[] = [
  ...indexRules,
  ...columnTypeRules,
  ...transactionRules,
  ...maintenanceRules,
];
