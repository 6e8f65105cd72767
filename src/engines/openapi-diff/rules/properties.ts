import type { PropertyRule } from '../types.ts';
import { describeField } from './family.ts';
import { objectExample, propertyRule } from './property-rule.ts';
import { isHiddenIn, shown } from './schema-values.ts';

const id = { type: 'string' };
const note = { type: 'string' };
const noteWithDefault = { type: 'string', default: 'none' };

/** Examples over an object with `id` and, depending on the side, `note`. */
const only = { properties: { id } };
const withNote = (required: boolean, schema = note) => ({
  properties: { id, note: schema },
  required: required ? ['note'] : [],
});
const readOnlyNote = { properties: { id, note: { ...note, readOnly: true } } };
const writeOnlyNote = { properties: { id, note: { ...note, writeOnly: true } }, required: ['note'] };

/**
 * Properties added, removed, and becoming required or optional. Read-only properties are not sent
 * in requests and write-only ones are not returned in responses, so those directions skip them.
 */
export const propertyRules: PropertyRule[] = [
  propertyRule({
    id: 'request-property-removed',
    level: 'WARN',
    direction: 'request',
    title: 'A request property was removed',
    why: 'Clients still sending the property have it ignored, or refused where unknown properties are. Clients should stop sending it; deprecate it first.',
    examples: {
      triggers: objectExample('request', withNote(false), only),
      nearMiss: objectExample('request', readOnlyNote, only),
    },
    check: (properties, context) =>
      !isHiddenIn('request', properties) &&
      properties.base &&
      !properties.revision &&
      `${describeField(context)} removed`,
  }),
  propertyRule({
    id: 'new-required-request-property',
    level: 'ERR',
    direction: 'request',
    title: 'A required request property was added',
    why: 'Requests from clients that do not send the new property will be refused. Clients must send it, or it must be optional (or have a default) first.',
    examples: {
      triggers: objectExample('request', only, withNote(true)),
      nearMiss: objectExample('request', only, withNote(false)),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('request', { base, revision }) &&
      !base &&
      revision &&
      context.required.revision &&
      revision.default === undefined &&
      `required ${describeField(context)} added`,
  }),
  propertyRule({
    id: 'new-required-request-property-with-default',
    level: 'INFO',
    direction: 'request',
    title: 'A required request property with a default value was added',
    why: 'The server takes the default when clients leave the property out, as oasdiff judges it. Check that the server really does.',
    examples: {
      triggers: objectExample('request', only, withNote(true, noteWithDefault)),
      nearMiss: objectExample('request', only, withNote(true)),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('request', { base, revision }) &&
      !base &&
      revision &&
      context.required.revision &&
      revision.default !== undefined &&
      `required ${describeField(context)} added with default ${shown(revision.default)}`,
  }),
  propertyRule({
    id: 'new-optional-request-property',
    level: 'INFO',
    direction: 'request',
    title: 'An optional request property was added',
    why: 'Clients may send the new property; requests without it are still accepted. Nothing to do.',
    examples: {
      triggers: objectExample('request', only, withNote(false)),
      nearMiss: objectExample('request', only, withNote(true)),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('request', { base, revision }) &&
      !base &&
      revision &&
      !context.required.revision &&
      `optional ${describeField(context)} added`,
  }),
  propertyRule({
    id: 'request-property-became-required',
    level: 'ERR',
    direction: 'request',
    title: 'A request property became required',
    why: 'Requests from clients that leave the property out will be refused. Clients must always send it.',
    examples: {
      triggers: objectExample('request', withNote(false), withNote(true)),
      nearMiss: objectExample('request', withNote(false, noteWithDefault), withNote(true, noteWithDefault)),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('request', { base, revision }) &&
      base &&
      revision &&
      !context.required.base &&
      context.required.revision &&
      revision.default === undefined &&
      `${describeField(context)} became required`,
  }),
  propertyRule({
    id: 'request-property-became-required-with-default',
    level: 'INFO',
    direction: 'request',
    title: 'A request property with a default value became required',
    why: 'The server takes the default when clients leave the property out, as oasdiff judges it. Check that the server really does.',
    examples: {
      triggers: objectExample('request', withNote(false, noteWithDefault), withNote(true, noteWithDefault)),
      nearMiss: objectExample('request', withNote(false), withNote(true)),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('request', { base, revision }) &&
      base &&
      revision &&
      !context.required.base &&
      context.required.revision &&
      revision.default !== undefined &&
      `${describeField(context)} became required (default ${shown(revision.default)})`,
  }),
  propertyRule({
    id: 'request-property-became-optional',
    level: 'INFO',
    direction: 'request',
    title: 'A request property became optional',
    why: 'Clients may leave the property out; requests with it are still accepted. Nothing to do.',
    examples: {
      triggers: objectExample('request', withNote(true), withNote(false)),
      nearMiss: objectExample('request', withNote(false), withNote(true)),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('request', { base, revision }) &&
      base &&
      revision &&
      context.required.base &&
      !context.required.revision &&
      `${describeField(context)} became optional`,
  }),
  propertyRule({
    id: 'response-required-property-removed',
    level: 'ERR',
    direction: 'response',
    title: 'A required response property was removed',
    why: 'Clients read a property they were promised in every response, and it is no longer there. Clients must stop reading it before the change ships; deprecate it first.',
    examples: {
      triggers: objectExample('response', withNote(true), only),
      nearMiss: objectExample('response', writeOnlyNote, only),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('response', { base, revision }) &&
      base &&
      !revision &&
      context.required.base &&
      `required ${describeField(context)} removed`,
  }),
  propertyRule({
    id: 'response-optional-property-removed',
    level: 'WARN',
    direction: 'response',
    title: 'An optional response property was removed',
    why: 'Clients had to cope with the property missing, but those that use it when present lose it for good. Clients should stop relying on it.',
    examples: {
      triggers: objectExample('response', withNote(false), only),
      nearMiss: objectExample('response', withNote(true), only),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('response', { base, revision }) &&
      base &&
      !revision &&
      !context.required.base &&
      `optional ${describeField(context)} removed`,
  }),
  propertyRule({
    id: 'response-required-property-added',
    level: 'INFO',
    direction: 'response',
    title: 'A required response property was added',
    why: 'Clients receive one more property in every response and ignore it until they use it. Nothing to do.',
    examples: {
      triggers: objectExample('response', only, withNote(true)),
      nearMiss: objectExample('response', only, withNote(false)),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('response', { base, revision }) &&
      !base &&
      revision &&
      context.required.revision &&
      `required ${describeField(context)} added`,
  }),
  propertyRule({
    id: 'response-optional-property-added',
    level: 'INFO',
    direction: 'response',
    title: 'An optional response property was added',
    why: 'Clients may receive one more property and ignore it until they use it. Nothing to do.',
    examples: {
      triggers: objectExample('response', only, withNote(false)),
      nearMiss: objectExample('response', only, withNote(true)),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('response', { base, revision }) &&
      !base &&
      revision &&
      !context.required.revision &&
      `optional ${describeField(context)} added`,
  }),
  propertyRule({
    id: 'response-property-became-optional',
    level: 'ERR',
    direction: 'response',
    title: 'A response property became optional',
    why: 'Clients read a property they were promised in every response, and it may now be missing. Clients must handle its absence before the change ships.',
    examples: {
      triggers: objectExample('response', withNote(true), withNote(false)),
      nearMiss: objectExample('response', withNote(false), withNote(true)),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('response', { base, revision }) &&
      base &&
      revision &&
      context.required.base &&
      !context.required.revision &&
      `${describeField(context)} became optional`,
  }),
  propertyRule({
    id: 'response-property-became-required',
    level: 'INFO',
    direction: 'response',
    title: 'A response property became required',
    why: 'Clients now always receive a property they had to cope without. Nothing to do.',
    examples: {
      triggers: objectExample('response', withNote(false), withNote(true)),
      nearMiss: objectExample('response', withNote(true), withNote(false)),
    },
    check: ({ base, revision }, context) =>
      !isHiddenIn('response', { base, revision }) &&
      base &&
      revision &&
      !context.required.base &&
      context.required.revision &&
      `${describeField(context)} became required`,
  }),
];
