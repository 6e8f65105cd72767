import type { Rule } from '../types.ts';
import { indexRules } from './indexes.ts';

/** The whole catalogue, in the order the documentation lists it. */
export const rules: readonly Rule[] = [...indexRules];
