/**
 * GitHub's published GraphQL schema (`@octokit/graphql-schema`), built once per process. The
 * package's SDL repeats two field definitions, so the schema is built from its introspection JSON.
 */
import { readFileSync } from 'node:fs';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

let schema: GraphQLSchema | undefined;

export function githubGraphqlSchema(): GraphQLSchema {
  if (!schema) {
    const introspection = new URL('./schema.json', import.meta.resolve('@octokit/graphql-schema'));
    schema = buildClientSchema(
      JSON.parse(readFileSync(introspection, 'utf8')) as IntrospectionQuery,
    );
  }
  return schema;
}
