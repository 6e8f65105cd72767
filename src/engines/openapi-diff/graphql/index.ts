/** GraphQL contracts: schemas compared with graphql-js's breaking and dangerous change checks. */

export { diffGraphQL, type GraphQLDiffOptions } from './diff-graphql.ts';
export { type GraphQLExample, type GraphQLRule, graphqlRuleId, graphqlRules } from './rules.ts';
export { buildGraphQLSchema, hashGraphQLSchema, isGraphQLSdl } from './schema.ts';
