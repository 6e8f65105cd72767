import { describe, expect, it } from 'vitest';
import { ContractLoadError } from '../load/index.ts';
import { diffGraphQL } from './index.ts';

const base = `
type Query {
  user(id: ID!): User
  users(first: Int = 10): [User]
}
type Mutation { rename(id: ID!, name: String): User }
type User { id: ID! name: String role: Role }
enum Role { ADMIN MEMBER }
`;

describe('diffGraphQL', () => {
  it('finds nothing between a schema and itself, however it is laid out', () => {
    const reordered = `enum Role { ADMIN MEMBER }\ntype User { role: Role name: String id: ID! }\n${base.replace(/type User.*\n/, '').replace(/enum Role.*\n/, '')}`;
    const result = diffGraphQL(base, reordered);
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ ERR: 0, WARN: 0, INFO: 0 });
  });

  it('reports a removed field as an error seen in the base, naming it by its schema coordinate', () => {
    const result = diffGraphQL(base, base.replace('id: ID! name: String role', 'id: ID! role'));
    expect(result.kind).toBe('graphql');
    expect(result.findings).toEqual([
      {
        ruleId: 'graphql-field-removed',
        level: 'ERR',
        section: 'graphql',
        message: 'User.name was removed.',
        operation: null,
        operationKey: null,
        field: 'User.name',
        pointer: '',
        side: 'base',
      },
    ]);
    expect(result.summary).toEqual({ ERR: 1, WARN: 0, INFO: 0 });
  });

  it('names arguments, enum values and default changes by coordinate, dangerous ones as warnings', () => {
    const revision = base
      .replace('user(id: ID!)', 'user(id: ID!, tenant: ID!)')
      .replace('first: Int = 10', 'first: Int = 50')
      .replace('ADMIN MEMBER', 'ADMIN MEMBER GUEST');
    const found = diffGraphQL(base, revision).findings.map(({ ruleId, level, field, side }) => ({
      ruleId,
      level,
      field,
      side,
    }));
    expect(found).toEqual(
      expect.arrayContaining([
        {
          ruleId: 'graphql-required-arg-added',
          level: 'ERR',
          field: 'Query.user(tenant:)',
          side: 'revision',
        },
        {
          ruleId: 'graphql-arg-default-value-change',
          level: 'WARN',
          field: 'Query.users(first:)',
          side: 'revision',
        },
        { ruleId: 'graphql-value-added-to-enum', level: 'WARN', field: 'Role.GUEST', side: 'revision' },
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('counts root fields as operations: added, removed and changed', () => {
    const revision = base
      .replace(
        'type Mutation { rename(id: ID!, name: String): User }',
        'type Mutation { archive(id: ID!): User }',
      )
      .replace('user(id: ID!)', 'user(id: Int!)');
    expect(diffGraphQL(base, revision).operations).toEqual({
      base: 3,
      revision: 3,
      added: 1,
      removed: 1,
      changed: 1,
    });
  });

  it('honours switched-off rules and level overrides', () => {
    const revision = base
      .replace('id: ID! name: String role', 'id: ID! role')
      .replace('ADMIN MEMBER', 'ADMIN MEMBER GUEST');
    const result = diffGraphQL(base, revision, {
      disabledRules: ['graphql-field-removed'],
      levelOverrides: { 'graphql-value-added-to-enum': 'INFO' },
    });
    expect(result.findings.map(({ ruleId, level }) => ({ ruleId, level }))).toEqual([
      { ruleId: 'graphql-value-added-to-enum', level: 'INFO' },
    ]);
    expect(result.summary).toEqual({ ERR: 0, WARN: 0, INFO: 1 });
  });

  it('refuses SDL with a syntax error, giving its line and column', () => {
    const broken = 'type Query {\n  user(id: ID!: User\n}';
    const error = catchError(() => diffGraphQL(base, broken));
    expect(error).toBeInstanceOf(ContractLoadError);
    expect(error).toMatchObject({ code: 'parse-error', file: 'revision schema', line: 2, column: 15 });
    expect(String(error?.message)).toMatch(/^revision schema line 2, column 15: Syntax Error/);
  });

  it("refuses a schema that parses but is invalid, with graphql-js's reason", () => {
    const error = catchError(() => diffGraphQL('type Query { user: Usr }', base));
    expect(error).toMatchObject({ code: 'parse-error', file: 'base schema' });
    expect(String(error?.message)).toContain('Unknown type "Usr"');
  });
});

function catchError(run: () => unknown): ContractLoadError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractLoadError) return error;
    throw error;
  }
  return undefined;
}
