import type { GraphQLRule } from './rules.ts';

const section = 'graphql';
const level = 'ERR';

/** graphql-js's breaking change types: an operation that was valid may fail or read something else. */
export const breakingRules: GraphQLRule[] = [
  {
    id: 'graphql-type-removed',
    level,
    section,
    title: 'A type was removed',
    why: 'Operations that name the type in a fragment, a variable or an inline spread no longer validate. Deprecate the fields that return it first, and remove it once no client asks for it.',
    examples: {
      triggers: {
        base: 'type Query { me: User }\ntype User { id: ID }\ntype Team { id: ID }',
        revision: 'type Query { me: User }\ntype User { id: ID }',
      },
      nearMiss: {
        base: 'type Query { me: User }\ntype User { id: ID }',
        revision: 'type Query { me: User }\ntype User { id: ID }\ntype Team { id: ID }',
      },
    },
  },
  {
    id: 'graphql-type-changed-kind',
    level,
    section,
    title: 'A type changed kind (object, input, interface, union, enum or scalar)',
    why: 'A type of another kind is used differently: an object cannot be a variable, an input cannot be selected. Every operation that uses the type must be rewritten; add a new type instead.',
    examples: {
      triggers: {
        base: 'type Query { a: Int }\ntype Point { x: Int }',
        revision: 'type Query { a: Int }\ninput Point { x: Int }',
      },
      nearMiss: {
        base: 'type Query { a: Int }\ntype Point { x: Int }',
        revision: 'type Query { a: Int }\ntype Point { x: Int y: Int }',
      },
    },
  },
  {
    id: 'graphql-type-removed-from-union',
    level,
    section,
    title: 'A member was removed from a union',
    why: 'Fragments on the removed member (`... on Video`) no longer validate against the union. Keep the member until clients stop spreading on it.',
    examples: {
      triggers: {
        base: 'type Query { feed: [Item] }\nunion Item = Post | Video\ntype Post { id: ID }\ntype Video { id: ID }',
        revision:
          'type Query { feed: [Item] }\nunion Item = Post\ntype Post { id: ID }\ntype Video { id: ID }',
      },
      nearMiss: {
        base: 'type Query { feed: [Item] }\nunion Item = Post | Video\ntype Post { id: ID }\ntype Video { id: ID }',
        revision:
          'type Query { feed: [Item] }\nunion Item = Video | Post\ntype Post { id: ID }\ntype Video { id: ID }',
      },
    },
  },
  {
    id: 'graphql-value-removed-from-enum',
    level,
    section,
    title: 'A value was removed from an enum',
    why: 'Clients that send the value in arguments fail validation, and clients that switch on it keep dead branches. Deprecate the value with @deprecated before removing it.',
    examples: {
      triggers: {
        base: 'type Query { color: Color }\nenum Color { RED GREEN }',
        revision: 'type Query { color: Color }\nenum Color { RED }',
      },
      nearMiss: {
        base: 'type Query { color: Color }\nenum Color { RED GREEN }',
        revision: 'type Query { color: Color }\nenum Color { RED GREEN @deprecated(reason: "use RED") }',
      },
    },
  },
  {
    id: 'graphql-required-input-field-added',
    level,
    section,
    title: 'A required field (non-null, no default) was added to an input type',
    why: 'Every client that sends this input object without the new field now fails validation. Give the field a default value or make it nullable.',
    examples: {
      triggers: {
        base: 'type Query { search(filter: Filter): [ID] }\ninput Filter { q: String }',
        revision: 'type Query { search(filter: Filter): [ID] }\ninput Filter { q: String limit: Int! }',
      },
      nearMiss: {
        base: 'type Query { search(filter: Filter): [ID] }\ninput Filter { q: String }',
        revision: 'type Query { search(filter: Filter): [ID] }\ninput Filter { q: String limit: Int! = 10 }',
      },
    },
  },
  {
    id: 'graphql-implemented-interface-removed',
    level,
    section,
    title: 'An object or interface no longer implements an interface',
    why: "Fragments on the interface no longer select this type's fields, and queries through fields that return the interface stop returning it.",
    examples: {
      triggers: {
        base: 'type Query { node: Node }\ninterface Node { id: ID! }\ntype User implements Node { id: ID! }',
        revision: 'type Query { node: Node }\ninterface Node { id: ID! }\ntype User { id: ID! }',
      },
      nearMiss: {
        base: 'type Query { node: Node }\ninterface Node { id: ID! }\ntype User implements Node { id: ID! }',
        revision:
          'type Query { node: Node }\ninterface Node { id: ID! }\ntype User implements Node { id: ID! name: String }',
      },
    },
  },
  {
    id: 'graphql-field-removed',
    level,
    section,
    title: 'A field was removed from an object, interface or input type',
    why: 'Operations that select the field (or send it, on an input) fail validation. Mark the field @deprecated, watch its use fall to zero, then remove it.',
    examples: {
      triggers: {
        base: 'type Query { user: User }\ntype User { id: ID name: String }',
        revision: 'type Query { user: User }\ntype User { id: ID }',
      },
      nearMiss: {
        base: 'type Query { user: User }\ntype User { id: ID name: String }',
        revision:
          'type Query { user: User }\ntype User { id: ID name: String @deprecated(reason: "use fullName") fullName: String }',
      },
    },
  },
  {
    id: 'graphql-field-changed-kind',
    level,
    section,
    title: 'A field changed type in a way clients cannot absorb',
    why: 'An output field that becomes nullable or of another type breaks clients that rely on its shape; an input field that becomes non-null breaks clients that omit it. Add a new field and deprecate the old one.',
    examples: {
      triggers: {
        base: 'type Query { user: User }\ntype User { age: Int }',
        revision: 'type Query { user: User }\ntype User { age: String }',
      },
      nearMiss: {
        base: 'type Query { user: User }\ntype User { age: Int }',
        revision: 'type Query { user: User }\ntype User { age: Int! }',
      },
    },
  },
  {
    id: 'graphql-required-arg-added',
    level,
    section,
    title: 'A required argument (non-null, no default) was added to a field',
    why: 'Every operation that selects the field without the new argument now fails validation. Give the argument a default value or make it nullable.',
    examples: {
      triggers: { base: 'type Query { users: [ID] }', revision: 'type Query { users(team: ID!): [ID] }' },
      nearMiss: {
        base: 'type Query { users: [ID] }',
        revision: 'type Query { users(team: ID! = "all"): [ID] }',
      },
    },
  },
  {
    id: 'graphql-arg-removed',
    level,
    section,
    title: 'An argument was removed from a field',
    why: 'Operations that pass the argument fail validation. Deprecate the argument (@deprecated on arguments) and remove it once unused.',
    examples: {
      triggers: {
        base: 'type Query { users(first: Int, team: ID): [ID] }',
        revision: 'type Query { users(first: Int): [ID] }',
      },
      nearMiss: {
        base: 'type Query { users(first: Int, team: ID): [ID] }',
        revision: 'type Query { users(first: Int, team: ID @deprecated(reason: "unused")): [ID] }',
      },
    },
  },
  {
    id: 'graphql-arg-changed-kind',
    level,
    section,
    title: 'An argument changed type in a way clients cannot absorb',
    why: 'Variables declared with the old type no longer match, and literals of the old type are refused. Widening is safe (non-null to nullable); anything else needs a new argument.',
    examples: {
      triggers: {
        base: 'type Query { user(id: ID): String }',
        revision: 'type Query { user(id: Int): String }',
      },
      nearMiss: {
        base: 'type Query { user(id: ID!): String }',
        revision: 'type Query { user(id: ID): String }',
      },
    },
  },
  {
    id: 'graphql-directive-removed',
    level,
    section,
    title: 'A directive was removed',
    why: 'Operations that use the directive (for example @cached on a field) fail validation. Keep the directive until no client sends it.',
    examples: {
      triggers: {
        base: 'type Query { a: Int }\ndirective @cached on FIELD',
        revision: 'type Query { a: Int }',
      },
      nearMiss: {
        base: 'type Query { a: Int }\ndirective @cached on FIELD',
        revision: 'type Query { a: Int }\ndirective @cached on FIELD | FRAGMENT_SPREAD',
      },
    },
  },
  {
    id: 'graphql-directive-arg-removed',
    level,
    section,
    title: 'An argument was removed from a directive',
    why: 'Operations that pass the argument to the directive fail validation.',
    examples: {
      triggers: {
        base: 'type Query { a: Int }\ndirective @cached(ttl: Int) on FIELD',
        revision: 'type Query { a: Int }\ndirective @cached on FIELD',
      },
      nearMiss: {
        base: 'type Query { a: Int }\ndirective @cached(ttl: Int) on FIELD',
        revision: 'type Query { a: Int }\ndirective @cached(ttl: Int, scope: String) on FIELD',
      },
    },
  },
  {
    id: 'graphql-required-directive-arg-added',
    level,
    section,
    title: 'A required argument (non-null, no default) was added to a directive',
    why: 'Every use of the directive without the new argument now fails validation. Give it a default or make it nullable.',
    examples: {
      triggers: {
        base: 'type Query { a: Int }\ndirective @cached on FIELD',
        revision: 'type Query { a: Int }\ndirective @cached(ttl: Int!) on FIELD',
      },
      nearMiss: {
        base: 'type Query { a: Int }\ndirective @cached on FIELD',
        revision: 'type Query { a: Int }\ndirective @cached(ttl: Int) on FIELD',
      },
    },
  },
  {
    id: 'graphql-directive-repeatable-removed',
    level,
    section,
    title: 'A directive is no longer repeatable',
    why: 'Operations that use the directive more than once at one place fail validation.',
    examples: {
      triggers: {
        base: 'type Query { a: Int }\ndirective @tag(name: String) repeatable on FIELD',
        revision: 'type Query { a: Int }\ndirective @tag(name: String) on FIELD',
      },
      nearMiss: {
        base: 'type Query { a: Int }\ndirective @tag(name: String) on FIELD',
        revision: 'type Query { a: Int }\ndirective @tag(name: String) repeatable on FIELD',
      },
    },
  },
  {
    id: 'graphql-directive-location-removed',
    level,
    section,
    title: 'A directive can no longer be used at a location',
    why: 'Operations that use the directive at the removed location (a field, a fragment spread, …) fail validation.',
    examples: {
      triggers: {
        base: 'type Query { a: Int }\ndirective @cached on FIELD | FRAGMENT_SPREAD',
        revision: 'type Query { a: Int }\ndirective @cached on FIELD',
      },
      nearMiss: {
        base: 'type Query { a: Int }\ndirective @cached on FIELD',
        revision: 'type Query { a: Int }\ndirective @cached on FIELD | FRAGMENT_SPREAD',
      },
    },
  },
];
