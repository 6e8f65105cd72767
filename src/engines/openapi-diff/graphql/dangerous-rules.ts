import type { GraphQLRule } from './rules.ts';

const section = 'graphql';
const level = 'WARN';

/** graphql-js's dangerous change types: operations stay valid, but what they get may surprise a client. */
export const dangerousRules: GraphQLRule[] = [
  {
    id: 'graphql-value-added-to-enum',
    level,
    section,
    title: 'A value was added to an enum',
    why: 'Clients that switch over the enum meet a value they do not know. Check that they have a default branch before the server starts returning it.',
    examples: {
      triggers: {
        base: 'type Query { color: Color }\nenum Color { RED }',
        revision: 'type Query { color: Color }\nenum Color { RED GREEN }',
      },
      nearMiss: {
        base: 'type Query { color: Color }\nenum Color { RED }',
        revision: 'type Query { color: Color }\nenum Color {\n  "The colour of danger"\n  RED\n}',
      },
    },
  },
  {
    id: 'graphql-type-added-to-union',
    level,
    section,
    title: 'A member was added to a union',
    why: 'Clients that handle each member by its __typename meet one they do not know, and select none of its fields. Check that they ignore unknown members.',
    examples: {
      triggers: {
        base: 'type Query { feed: [Item] }\nunion Item = Post\ntype Post { id: ID }\ntype Video { id: ID }',
        revision:
          'type Query { feed: [Item] }\nunion Item = Post | Video\ntype Post { id: ID }\ntype Video { id: ID }',
      },
      nearMiss: {
        base: 'type Query { feed: [Item] }\nunion Item = Post\ntype Post { id: ID }',
        revision:
          'type Query { feed: [Item] }\nunion Item = Post\ntype Post { id: ID }\ntype Video { id: ID }',
      },
    },
  },
  {
    id: 'graphql-optional-input-field-added',
    level,
    section,
    title: 'An optional field was added to an input type',
    why: 'Existing operations stay valid, but clients that build the input from a fixed shape never send the field: check what the server does in its absence.',
    examples: {
      triggers: {
        base: 'type Query { search(filter: Filter): [ID] }\ninput Filter { q: String }',
        revision: 'type Query { search(filter: Filter): [ID] }\ninput Filter { q: String limit: Int }',
      },
      nearMiss: {
        base: 'type Query { search(filter: Filter): [ID] }\ninput Filter { q: String }\ntype Hit { id: ID }',
        revision:
          'type Query { search(filter: Filter): [ID] }\ninput Filter { q: String }\ntype Hit { id: ID score: Float }',
      },
    },
  },
  {
    id: 'graphql-optional-arg-added',
    level,
    section,
    title: 'An optional argument was added to a field',
    why: "Existing operations stay valid and get the argument's default behaviour: check that it is what they got before.",
    examples: {
      triggers: { base: 'type Query { users: [ID] }', revision: 'type Query { users(first: Int): [ID] }' },
      nearMiss: {
        base: 'type Query { users(first: Int): [ID] }',
        revision: 'type Query { users("How many to return" first: Int): [ID] }',
      },
    },
  },
  {
    id: 'graphql-implemented-interface-added',
    level,
    section,
    title: 'An object or interface now implements another interface',
    why: 'Fields that return the interface may now return this type too: clients that handle each implementation by __typename meet a new one.',
    examples: {
      triggers: {
        base: 'type Query { node: Node }\ninterface Node { id: ID! }\ntype User { id: ID! }',
        revision:
          'type Query { node: Node }\ninterface Node { id: ID! }\ntype User implements Node { id: ID! }',
      },
      nearMiss: {
        base: 'type Query { node: Node }\ninterface Node { id: ID! }\ntype User implements Node { id: ID! }',
        revision:
          'type Query { node: Node }\ninterface Node { id: ID! }\ntype User implements Node { id: ID! name: String }',
      },
    },
  },
  {
    id: 'graphql-arg-default-value-change',
    level,
    section,
    title: "An argument's default value changed or was removed",
    why: 'Operations that omit the argument now get different results without any change on their side. Tell clients, or pass the old value explicitly in them first.',
    examples: {
      triggers: {
        base: 'type Query { users(first: Int = 10): [ID] }',
        revision: 'type Query { users(first: Int = 50): [ID] }',
      },
      nearMiss: {
        base: 'type Query { users(first: Int = 10): [ID] }',
        revision: 'type Query { users("Page size" first: Int = 10): [ID] }',
      },
    },
  },
];
