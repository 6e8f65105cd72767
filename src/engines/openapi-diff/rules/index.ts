import type { Rule } from '../types.ts';
import { arrayRules } from './arrays.ts';
import { enumRules } from './enums.ts';
import { numberRules } from './numbers.ts';
import { operationRules } from './operations.ts';
import { stringLimitRules } from './string-limits.ts';
import { typeRules } from './types.ts';

/** The whole catalogue, in the order the documentation lists it. */
export const rules: readonly Rule[] = [
  ...operationRules,
  ...stringLimitRules,
  ...numberRules,
  ...arrayRules,
  ...typeRules,
  ...enumRules,
];
