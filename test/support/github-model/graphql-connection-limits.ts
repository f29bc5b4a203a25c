/**
 * GitHub's node limits, which it checks with the schema before running a query: every connection
 * that selects `nodes` or `edges` gives `first` or `last` (not both), each between 1 and 100, and a
 * query asks for at most 500,000 nodes in all, counting each connection's page size times the page
 * sizes of the connections around it.
 */
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GitHubGraphqlError } from './graphql-errors.js';

const MAX_PAGE = 100;
const MAX_NODES = 500_000;

export function connectionLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GitHubGraphqlError[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  const errors: GitHubGraphqlError[] = [];
  let nodes = 0;

  const walk = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType | undefined | null,
    multiplier: number,
    path: string[],
  ): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(
          selection.selectionSet,
          selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType,
          multiplier,
          path,
        );
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment)
          walk(
            fragment.selectionSet,
            schema.getType(fragment.typeCondition.name.value),
            multiplier,
            path,
          );
        continue;
      }
      const field = fieldOf(parentType, selection.name.value);
      if (!field || !selection.selectionSet) continue;
      const fieldPath = [...path, selection.alias?.value ?? selection.name.value];
      let inner = multiplier;
      if (isConnection(field)) {
        const pageSize = checkPageSize(
          selection,
          fieldPath,
          variables,
          errors,
          selectsItems(selection.selectionSet, fragments),
        );
        if (pageSize !== undefined) {
          inner = multiplier * pageSize;
          nodes += inner;
        }
      }
      walk(selection.selectionSet, getNamedType(field.type), inner, fieldPath);
    }
  };

  walk(operation.selectionSet, schema.getRootType(operation.operation), 1, []);
  if (errors.length === 0 && nodes > MAX_NODES) {
    errors.push({
      type: 'MAX_NODE_LIMIT_EXCEEDED',
      message: `This query requests up to ${nodes.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.`,
    });
  }
  return errors;
}

/** The page size of a connection, or undefined (with an error when the connection needed one). */
function checkPageSize(
  field: FieldNode,
  path: string[],
  variables: Record<string, unknown>,
  errors: GitHubGraphqlError[],
  needsBoundary: boolean,
): number | undefined {
  const name = field.name.value;
  const located = {
    path,
    locations: field.loc
      ? [{ line: field.loc.startToken.line, column: field.loc.startToken.column }]
      : [],
  };
  const first = argumentValue(field, 'first', variables);
  const last = argumentValue(field, 'last', variables);
  if (first !== undefined && last !== undefined) {
    errors.push({
      type: 'EXCESSIVE_PAGINATION',
      ...located,
      message: `Passing both \`first\` and \`last\` to paginate the \`${name}\` connection is not supported.`,
    });
    return undefined;
  }
  const [argument, size] =
    first !== undefined
      ? ['first', first]
      : last !== undefined
        ? ['last', last]
        : [undefined, undefined];
  if (argument === undefined || size === undefined) {
    if (needsBoundary)
      errors.push({
        type: 'MISSING_PAGINATION_BOUNDARIES',
        ...located,
        message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
      });
    return undefined;
  }
  if (size > MAX_PAGE) {
    errors.push({
      type: 'EXCESSIVE_PAGINATION',
      ...located,
      message: `Requesting ${size} records on the \`${name}\` connection exceeds the \`${argument}\` limit of ${MAX_PAGE} records.`,
    });
    return undefined;
  }
  if (size < 1) {
    errors.push({
      ...located,
      message: `\`${argument}\` on the \`${name}\` connection must be between 1 and ${MAX_PAGE}; it is ${size}.`,
    });
    return undefined;
  }
  return size;
}

/** An integer argument, literal or from a variable; undefined when absent or null. */
function argumentValue(
  field: FieldNode,
  name: string,
  variables: Record<string, unknown>,
): number | undefined {
  const value = field.arguments?.find((argument) => argument.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'number' ? given : undefined;
  }
  return undefined;
}

function fieldOf(
  type: GraphQLNamedType | undefined | null,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  const arguments_ = new Set(field.args.map((argument) => argument.name));
  return (
    isObjectType(type) &&
    type.name.endsWith('Connection') &&
    arguments_.has('first') &&
    arguments_.has('last')
  );
}

/** Whether a connection's selection reads its items (`nodes` or `edges`), fragments included. */
function selectsItems(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD)
      return selection.name.value === 'nodes' || selection.name.value === 'edges';
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return selectsItems(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return false;
    seen.add(fragment.name.value);
    return selectsItems(fragment.selectionSet, fragments, seen);
  });
}
