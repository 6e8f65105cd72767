import type { Rule } from '../types.ts';
import { additionalPropertyRules } from './additional-properties.ts';
import { arrayRules } from './arrays.ts';
import { compositionRules } from './composition.ts';
import { defaultRules } from './defaults.ts';
import { discriminatorRules } from './discriminators.ts';
import { enumRules } from './enums.ts';
import { nullableRules } from './nullable.ts';
import { numberRules } from './numbers.ts';
import { operationRules } from './operations.ts';
import { patternRules } from './patterns.ts';
import { propertyRules } from './properties.ts';
import { readWriteRules } from './read-write.ts';
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
  ...patternRules,
  ...nullableRules,
  ...defaultRules,
  ...compositionRules,
  ...discriminatorRules,
  ...additionalPropertyRules,
  ...propertyRules,
  ...readWriteRules,
];
