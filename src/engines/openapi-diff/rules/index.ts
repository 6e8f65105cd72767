import type { Rule } from '../types.ts';
import { operationRules } from './operations.ts';
import { stringLimitRules } from './string-limits.ts';

/** The whole catalogue, in the order the documentation lists it. */
export const rules: readonly Rule[] = [...operationRules, ...stringLimitRules];
