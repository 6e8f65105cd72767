import { BreakingChangeType, DangerousChangeType } from 'graphql';

/**
 * The schema coordinate a change names (`Query.user`, `Query.user(id:)`, `Color.RED`, `@cache(ttl:)`),
 * read from graphql-js's description of it: graphql-js gives a change's type and a sentence, nothing
 * more. Each pattern below matches the sentence graphql-js writes for that type of change.
 */
const patterns: Record<string, { pattern: RegExp; coordinate: (match: string[]) => string }> = {
  [BreakingChangeType.TYPE_REMOVED]: {
    pattern: /^(?:Standard scalar )?(\w+) was removed/,
    coordinate: ([, type]) => `${type}`,
  },
  [BreakingChangeType.TYPE_CHANGED_KIND]: {
    pattern: /^(\w+) changed from/,
    coordinate: ([, type]) => `${type}`,
  },
  [BreakingChangeType.TYPE_REMOVED_FROM_UNION]: {
    pattern: /union type (\w+)/,
    coordinate: ([, union]) => `${union}`,
  },
  [DangerousChangeType.TYPE_ADDED_TO_UNION]: {
    pattern: /union type (\w+)/,
    coordinate: ([, union]) => `${union}`,
  },
  [BreakingChangeType.VALUE_REMOVED_FROM_ENUM]: enumValue(),
  [DangerousChangeType.VALUE_ADDED_TO_ENUM]: enumValue(),
  [BreakingChangeType.REQUIRED_INPUT_FIELD_ADDED]: inputField(),
  [DangerousChangeType.OPTIONAL_INPUT_FIELD_ADDED]: inputField(),
  [BreakingChangeType.IMPLEMENTED_INTERFACE_REMOVED]: {
    pattern: /^(\w+) no longer implements/,
    coordinate: ([, type]) => `${type}`,
  },
  [DangerousChangeType.IMPLEMENTED_INTERFACE_ADDED]: {
    pattern: /implemented by (\w+)/,
    coordinate: ([, type]) => `${type}`,
  },
  [BreakingChangeType.FIELD_REMOVED]: field(),
  [BreakingChangeType.FIELD_CHANGED_KIND]: field(),
  [BreakingChangeType.ARG_REMOVED]: argument(),
  [BreakingChangeType.ARG_CHANGED_KIND]: argument(),
  [DangerousChangeType.ARG_DEFAULT_VALUE_CHANGE]: argument(),
  [BreakingChangeType.REQUIRED_ARG_ADDED]: addedArgument(),
  [DangerousChangeType.OPTIONAL_ARG_ADDED]: addedArgument(),
  [BreakingChangeType.DIRECTIVE_REMOVED]: {
    pattern: /^(\w+) was removed/,
    coordinate: ([, name]) => `@${name}`,
  },
  [BreakingChangeType.DIRECTIVE_ARG_REMOVED]: {
    pattern: /^(\w+) was removed from (\w+)/,
    coordinate: ([, argument, directive]) => `@${directive}(${argument}:)`,
  },
  [BreakingChangeType.REQUIRED_DIRECTIVE_ARG_ADDED]: {
    pattern: /arg (\w+) on directive (\w+)/,
    coordinate: ([, argument, directive]) => `@${directive}(${argument}:)`,
  },
  [BreakingChangeType.DIRECTIVE_REPEATABLE_REMOVED]: {
    pattern: /removed from (\w+)/,
    coordinate: ([, name]) => `@${name}`,
  },
  [BreakingChangeType.DIRECTIVE_LOCATION_REMOVED]: {
    pattern: /removed from (\w+)/,
    coordinate: ([, name]) => `@${name}`,
  },
};

/** The coordinate of the type, field, argument, enum value or directive a change names, or null. */
export function coordinateOf(changeType: string, description: string): string | null {
  const known = patterns[changeType];
  const match = known?.pattern.exec(description);
  return known && match ? known.coordinate([...match]) : null;
}

function field() {
  return { pattern: /^(\w+)\.(\w+) /, coordinate: ([, type, name]: string[]) => `${type}.${name}` };
}

function argument() {
  return {
    pattern: /^(\w+)\.(\w+) arg (\w+)/,
    coordinate: ([, type, name, argument]: string[]) => `${type}.${name}(${argument}:)`,
  };
}

function addedArgument() {
  return {
    pattern: /arg (\w+) on (\w+)\.(\w+)/,
    coordinate: ([, argument, type, name]: string[]) => `${type}.${name}(${argument}:)`,
  };
}

function enumValue() {
  return {
    pattern: /^(\w+) was \w+ (?:from|to) enum type (\w+)/,
    coordinate: ([, value, type]: string[]) => `${type}.${value}`,
  };
}

function inputField() {
  return {
    pattern: /field (\w+) on input type (\w+)/,
    coordinate: ([, name, type]: string[]) => `${type}.${name}`,
  };
}
