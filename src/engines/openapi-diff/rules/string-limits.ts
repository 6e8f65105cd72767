import type { SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import { numberAt } from './schema-values.ts';

/** String length limits: tighter is breaking where clients write, looser where they read. */
export const stringLimitRules: SchemaRule[] = [
  ...schemaFamily({
    title: 'maxLength of {where} decreased',
    why: 'Values clients send today that are longer than the new maximum will be refused. Clients must shorten what they send, or the limit must stay.',
    variants: [
      {
        id: 'request-parameter-max-length-decreased',
        direction: 'request',
        location: 'parameter',
        level: 'ERR',
      },
      { id: 'request-body-max-length-decreased', direction: 'request', location: 'body', level: 'ERR' },
      {
        id: 'request-property-max-length-decreased',
        direction: 'request',
        location: 'property',
        level: 'ERR',
      },
    ],
    examples: {
      base: { type: 'string', maxLength: 100 },
      triggers: { type: 'string', maxLength: 50 },
      nearMiss: { type: 'string', maxLength: 200 },
    },
    check: ({ base, revision }) => {
      const before = numberAt(base, 'maxLength');
      const after = numberAt(revision, 'maxLength');
      if (after === undefined || (before !== undefined && after >= before)) return null;
      return {
        message:
          before === undefined
            ? `maxLength set to ${after}`
            : `maxLength decreased from ${before} to ${after}`,
        at: '/maxLength',
        ...(before !== undefined ? { before } : {}),
        after,
      };
    },
  }),
];
