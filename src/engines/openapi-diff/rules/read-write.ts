import type { Direction, JsonObject, Level, PropertyRule } from '../types.ts';
import { describeField } from './family.ts';
import { objectExample, propertyRule } from './property-rule.ts';

type Flag = 'readOnly' | 'writeOnly';

interface FlagChange {
  direction: Direction;
  flag: Flag;
  /** True when the property gained the flag, false when it lost it. */
  became: boolean;
  /** Whether the rule is about a required property (required where clients relied on it). */
  required: boolean;
  level: Level;
  why: string;
}

const flagWords: Record<Flag, string> = { readOnly: 'read-only', writeOnly: 'write-only' };

function idOf(change: FlagChange): string {
  const requirement = change.required ? 'required' : 'optional';
  return `${change.direction}-${requirement}-property-became-${change.became ? '' : 'not-'}${flagWords[change.flag]}`;
}

/**
 * A property gaining or losing `readOnly` or `writeOnly`. Which side's `required` counts: the base's
 * when the flag is gained (what clients relied on), the revision's when it is lost (what they now
 * meet).
 */
function flagRule(change: FlagChange): PropertyRule {
  const { direction, flag, became, required } = change;
  const plain = { type: 'string' };
  const flagged = { type: 'string', [flag]: true };
  const side = (schema: JsonObject, isRequired: boolean) => ({
    properties: { note: schema },
    required: isRequired ? ['note'] : [],
  });
  const from = became ? plain : flagged;
  const to = became ? flagged : plain;
  const requirement = required ? 'required' : 'optional';
  return propertyRule({
    id: idOf(change),
    level: change.level,
    direction,
    title: `${required ? 'A required' : 'An optional'} ${direction} property became ${became ? '' : 'not '}${flagWords[flag]}`,
    why: change.why,
    examples: {
      triggers: objectExample(direction, side(from, required), side(to, required)),
      nearMiss: objectExample(direction, side(from, !required), side(to, !required)),
    },
    check: ({ base, revision }, context) => {
      if (!base || !revision) return null;
      const had = base[flag] === true;
      const has = revision[flag] === true;
      if (had === has || has !== became) return null;
      const isRequired = became ? context.required.base : context.required.revision;
      if (isRequired !== required) return null;
      return {
        message: `${requirement} ${describeField(context)} became ${became ? '' : 'not '}${flagWords[flag]}`,
        // The keyword exists only on the revision when it was gained.
        ...(became ? { at: `/${flag}` } : {}),
      };
    },
  });
}

const nothingToDo = {
  requestWriteOnly:
    'Clients still send the property; the server just stops returning it. Nothing to do for requests.',
  requestNotWriteOnly: 'Clients still send the property as before. Nothing to do for requests.',
  responseReadOnly:
    'Clients still receive the property; it only may no longer be sent. Nothing to do for responses.',
  responseNotReadOnly: 'Clients still receive the property as before. Nothing to do for responses.',
  responseNotWriteOnly:
    'Clients now receive a property they did not before, and ignore it until they use it. Nothing to do.',
};

/** readOnly and writeOnly: a read-only property leaves requests, a write-only one leaves responses. */
export const readWriteRules: PropertyRule[] = [
  flagRule({
    direction: 'request',
    flag: 'readOnly',
    became: true,
    required: true,
    level: 'ERR',
    why: 'Clients had to send the property; the server now ignores (or refuses) it, so what clients set is silently lost. Clients must set the value another way, or the property must stay writable.',
  }),
  flagRule({
    direction: 'request',
    flag: 'readOnly',
    became: true,
    required: false,
    level: 'WARN',
    why: 'Clients that send the property to choose a value now have it ignored (or refused). Clients must stop sending it.',
  }),
  flagRule({
    direction: 'request',
    flag: 'readOnly',
    became: false,
    required: true,
    level: 'ERR',
    why: 'Clients never sent a read-only property, and it is now required in requests, which will be refused without it. Clients must send it, or it must be optional first.',
  }),
  flagRule({
    direction: 'request',
    flag: 'readOnly',
    became: false,
    required: false,
    level: 'INFO',
    why: 'Clients may now send the property; requests without it are still accepted. Nothing to do.',
  }),
  ...[true, false].flatMap((required) => [
    flagRule({
      direction: 'request',
      flag: 'writeOnly',
      became: true,
      required,
      level: 'INFO',
      why: nothingToDo.requestWriteOnly,
    }),
    flagRule({
      direction: 'request',
      flag: 'writeOnly',
      became: false,
      required,
      level: 'INFO',
      why: nothingToDo.requestNotWriteOnly,
    }),
    flagRule({
      direction: 'response',
      flag: 'readOnly',
      became: true,
      required,
      level: 'INFO',
      why: nothingToDo.responseReadOnly,
    }),
    flagRule({
      direction: 'response',
      flag: 'readOnly',
      became: false,
      required,
      level: 'INFO',
      why: nothingToDo.responseNotReadOnly,
    }),
    flagRule({
      direction: 'response',
      flag: 'writeOnly',
      became: false,
      required,
      level: 'INFO',
      why: nothingToDo.responseNotWriteOnly,
    }),
  ]),
  flagRule({
    direction: 'response',
    flag: 'writeOnly',
    became: true,
    required: true,
    level: 'ERR',
    why: 'A write-only property is no longer returned, so clients that read it in every response find it gone. Clients must stop reading it before the change ships.',
  }),
  flagRule({
    direction: 'response',
    flag: 'writeOnly',
    became: true,
    required: false,
    level: 'WARN',
    why: 'A write-only property is no longer returned; clients that use it when present lose it for good. Clients should stop relying on it.',
  }),
];
