import type { Rule } from '../types.ts';
import { componentRules } from './components.ts';
import { deprecationRules } from './deprecation.ts';
import { extensionRules } from './extensions.ts';
import { headerRules } from './headers.ts';
import { operationMetadataRules } from './operation-metadata.ts';
import { operationRules } from './operations.ts';
import { parameterRules } from './parameters.ts';
import { pathRules } from './paths.ts';
import { requestBodyRules } from './request-body.ts';
import { responseRules } from './responses.ts';
import { securityRequirementRules } from './security.ts';
import { securitySchemeRules } from './security-schemes.ts';
import { serverRules } from './servers.ts';
import { stabilityRules } from './stability.ts';
import { stringLimitRules } from './string-limits.ts';

/** The whole catalogue, in the order the documentation lists it. */
export const rules: readonly Rule[] = [
  ...pathRules,
  ...operationRules,
  ...operationMetadataRules,
  ...stabilityRules,
  ...componentRules,
  ...deprecationRules,
  ...parameterRules,
  ...requestBodyRules,
  ...stringLimitRules,
  ...responseRules,
  ...headerRules,
  ...securityRequirementRules,
  ...securitySchemeRules,
  ...serverRules,
  ...extensionRules,
];
