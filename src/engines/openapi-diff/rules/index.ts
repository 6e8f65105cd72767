import type { Rule } from '../types.ts';
import { additionalPropertyRules } from './additional-properties.ts';
import { arrayRules } from './arrays.ts';
import { componentRules } from './components.ts';
import { compositionRules } from './composition.ts';
import { defaultRules } from './defaults.ts';
import { deprecationRules } from './deprecation.ts';
import { discriminatorRules } from './discriminators.ts';
import { enumRules } from './enums.ts';
import { extensionRules } from './extensions.ts';
import { headerRules } from './headers.ts';
import { nullableRules } from './nullable.ts';
import { numberRules } from './numbers.ts';
import { operationMetadataRules } from './operation-metadata.ts';
import { operationRules } from './operations.ts';
import { parameterRules } from './parameters.ts';
import { pathRules } from './paths.ts';
import { patternRules } from './patterns.ts';
import { propertyRules } from './properties.ts';
import { readWriteRules } from './read-write.ts';
import { requestBodyRules } from './request-body.ts';
import { responseRules } from './responses.ts';
import { securityRequirementRules } from './security.ts';
import { securitySchemeRules } from './security-schemes.ts';
import { serverRules } from './servers.ts';
import { stabilityRules } from './stability.ts';
import { stringLimitRules } from './string-limits.ts';
import { typeRules } from './types.ts';

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
  ...responseRules,
  ...headerRules,
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
  ...securityRequirementRules,
  ...securitySchemeRules,
  ...serverRules,
  ...extensionRules,
];
