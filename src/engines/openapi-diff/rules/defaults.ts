import { sameJson } from '../document.ts';
import type { BothSides, JsonObject, ReportDetail, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import { shown } from './schema-values.ts';
import { bodyAndProperty, requestVariants, responseVariants } from './variants.ts';

type DefaultChange = 'added' | 'removed' | 'changed';

function defaultChange({ base, revision }: BothSides<JsonObject>): DefaultChange | null {
  if (base.default === undefined) return revision.default === undefined ? null : 'added';
  if (revision.default === undefined) return 'removed';
  return sameJson(base.default, revision.default) ? null : 'changed';
}

/** A family member's check: reports the one change it names. */
function reports(wanted: DefaultChange) {
  return ({ base, revision }: BothSides<JsonObject>): ReportDetail | null => {
    if (defaultChange({ base, revision }) !== wanted) return null;
    const messages = {
      added: `default ${shown(revision.default)} added`,
      removed: `default ${shown(base.default)} removed`,
      changed: `default changed from ${shown(base.default)} to ${shown(revision.default)}`,
    };
    return {
      message: messages[wanted],
      at: '/default',
      ...(base.default !== undefined ? { before: base.default } : {}),
      ...(revision.default !== undefined ? { after: revision.default } : {}),
    };
  };
}

const pageSize = (value?: number) => ({
  type: 'integer',
  ...(value === undefined ? {} : { default: value }),
});

/** Default values: what the server assumes when a client leaves a value out. */
export const defaultRules: SchemaRule[] = [
  ...schemaFamily({
    title: 'The default value of {where} changed',
    why: 'Clients that leave the value out get the new default, and a different behaviour, without changing anything. Clients that relied on the old default must send it explicitly.',
    variants: requestVariants('default-value-changed', 'WARN'),
    examples: { base: pageSize(20), triggers: pageSize(50), nearMiss: pageSize() },
    check: reports('changed'),
  }),
  ...schemaFamily({
    title: 'A default value was added to {where}',
    why: 'The contract now says what the server assumes when the value is left out. Nothing to do.',
    variants: requestVariants('default-value-added', 'INFO'),
    examples: { base: pageSize(), triggers: pageSize(20), nearMiss: { type: 'integer', minimum: 1 } },
    check: reports('added'),
  }),
  ...schemaFamily({
    title: 'The default value of {where} was removed',
    why: 'The contract no longer says what the server assumes when the value is left out. Clients that rely on the old default should send the value explicitly.',
    variants: requestVariants('default-value-removed', 'INFO'),
    examples: { base: pageSize(20), triggers: pageSize(), nearMiss: pageSize(50) },
    check: reports('removed'),
  }),
  ...schemaFamily({
    title: 'The default value of {where} changed',
    why: 'A default in a response documents a typical value; clients read what is returned. Nothing to do.',
    variants: responseVariants('default-value-changed', 'INFO', bodyAndProperty),
    examples: { base: pageSize(20), triggers: pageSize(50), nearMiss: pageSize() },
    check: reports('changed'),
  }),
];
