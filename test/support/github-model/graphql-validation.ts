/**
 * Checks a GraphQL request the way GitHub does before running anything: a `query` string that
 * parses, a document valid against GitHub's published schema, one operation to run, variables of
 * the declared types, and GitHub's node limits. A request that fails gets GitHub's answer: HTTP
 * 200 with `errors` and no `data`.
 */
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { connectionLimitErrors } from './graphql-connection-limits.js';
import {
  syntaxError,
  validationError,
  variableError,
  type GitHubGraphqlError,
} from './graphql-errors.js';

export type CheckedGraphqlRequest =
  | {
      ok: true;
      document: DocumentNode;
      operation: OperationDefinitionNode;
      variables: Record<string, unknown>;
    }
  | { ok: false; errors: GitHubGraphqlError[] };

export function checkGraphqlRequest(schema: GraphQLSchema, body: unknown): CheckedGraphqlRequest {
  const {
    query,
    variables = {},
    operationName,
  } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '')
    return failed({ message: 'A query attribute must be specified and must be a string.' });
  if (typeof variables !== 'object' || Array.isArray(variables))
    return failed({ message: 'Variables are invalid JSON.' });

  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return failed(syntaxError(error));
    throw error;
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return failed(...invalid.map(validationError));

  const operation = getOperationAST(
    document,
    typeof operationName === 'string' ? operationName : undefined,
  );
  if (!operation)
    return failed({
      message:
        typeof operationName === 'string'
          ? `No operation named "${operationName}"`
          : 'An operation name is required',
    });
  const given = (variables ?? {}) as Record<string, unknown>;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], given);
  if (coerced.errors) return failed(...coerced.errors.map((error) => variableError(error, given)));

  const limits = connectionLimitErrors(schema, document, operation, coerced.coerced);
  if (limits.length > 0) return failed(...limits);
  return { ok: true, document, operation, variables: coerced.coerced };
}

function failed(...errors: GitHubGraphqlError[]): CheckedGraphqlRequest {
  return { ok: false, errors };
}
