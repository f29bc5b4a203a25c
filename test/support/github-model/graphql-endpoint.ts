/**
 * `POST /graphql` of the fake GitHub: the request is checked as GitHub checks it (schema, variables,
 * node limits; graphql-validation.ts), then executed with graphql-js against GitHub's schema over
 * the objects of graphql-objects.ts. Errors come back in GitHub's shape, next to the data of the
 * fields that resolved.
 */
import { executeSync, OperationTypeNode, type GraphQLFieldResolver } from 'graphql';
import type { FakeGitHub } from '../fake-github.js';
import { executionError, GraphqlProblem } from './graphql-errors.js';
import {
  mutationRoot,
  queryRoot,
  type GraphqlContext,
  type GraphqlWorld,
} from './graphql-objects.js';
import { githubGraphqlSchema } from './graphql-schema.js';
import { checkGraphqlRequest } from './graphql-validation.js';
import type { FakeResponse } from './routes.js';

export function answerGraphql(body: unknown, world: GraphqlWorld): FakeResponse {
  const schema = githubGraphqlSchema();
  const checked = checkGraphqlRequest(schema, body);
  if (!checked.ok) return { status: 200, body: { errors: checked.errors } };
  const { document, operation, variables } = checked;
  const operationName = operation.name?.value ?? '';
  const reached = new Set<FakeGitHub>();
  const context: GraphqlContext = {
    reach: (pull) => {
      if (reached.has(pull)) return;
      reached.add(pull);
      pull.runBeforeGraphql(operationName);
    },
  };
  const result = executeSync({
    schema,
    document,
    ...(operation.name ? { operationName } : {}),
    variableValues: variables,
    rootValue:
      operation.operation === OperationTypeNode.MUTATION ? mutationRoot(world) : queryRoot(world),
    contextValue: context,
    fieldResolver: modelledFieldsOnly,
  });
  const errors = (result.errors ?? []).map(executionError);
  return {
    status: 200,
    body: errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data },
  };
}

/** Reads a field from the model's object, calling it with the arguments when it is a function. */
const modelledFieldsOnly: GraphQLFieldResolver<unknown, GraphqlContext> = (
  source,
  args,
  context,
  info,
) => {
  const object = source as Record<string, unknown> | null;
  if (typeof object !== 'object' || object === null || !(info.fieldName in object)) {
    throw new GraphqlProblem(
      'STANDIN_UNSUPPORTED',
      `The GitHub stand-in does not model ${info.parentType.name}.${info.fieldName}; add it to test/support/github-model/graphql-objects.ts`,
    );
  }
  const value = object[info.fieldName];
  return typeof value === 'function'
    ? (value as (...parameters: unknown[]) => unknown)(args, context, info)
    : value;
};
