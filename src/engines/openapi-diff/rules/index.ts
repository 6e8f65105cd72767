import type { Rule } from '../types.ts';
import { deprecationRules } from './deprecation.ts';
import { headerRules } from './headers.ts';
import { operationMetadataRules } from './operation-metadata.ts';
import { operationRules } from './operations.ts';
import { parameterRules } from './parameters.ts';
import { pathRules } from './paths.ts';
import { requestBodyRules } from './request-body.ts';
import { responseRules } from './responses.ts';
import { stabilityRules } from './stability.ts';
import { stringLimitRules } from './string-limits.ts';

/** The whole catalogue, in the order the documentation lists it. */
export const rules: readonly Rule[] = [
  ...pathRules,
  ...operationRules,
  ...operationMetadataRules,
  ...stabilityRules,
  ...deprecationRules,
  ...parameterRules,
  ...requestBodyRules,
  ...stringLimitRules,
  ...responseRules,
  ...headerRules,
];
