/**
 * GraphQL errors in the shape and wording GitHub's API uses (it runs graphql-ruby): the messages
 * of the usual validation failures as GitHub words them, a `type` such as `NOT_FOUND` on errors
 * of execution, `path` and `locations`.
 */
import { print, type GraphQLError, type VariableDefinitionNode } from 'graphql';

export interface GitHubGraphqlError {
  type?: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  message: string;
}

/** An error a resolver raises, answered as GitHub answers it: `{ type, path, locations, message }`. */
export class GraphqlProblem extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

type Rewrite = [
  RegExp,
  (...groups: string[]) => { message: string; code: string; extensions?: Record<string, string> },
];

/** graphql-js's wording → GitHub's, for the failures a client meets most. */
const VALIDATION_REWRITES: Rewrite[] = [
  [
    /^Cannot query field "(\w+)" on type "(\w+)"\./,
    (field = '', type = '') => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      code: 'undefinedField',
      extensions: { typeName: type, fieldName: field },
    }),
  ],
  [
    /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./,
    (argument = '', field = '') => ({
      message: `Field '${field}' doesn't accept argument '${argument}'`,
      code: 'argumentNotAccepted',
      extensions: { name: field, typeName: 'Field', argumentName: argument },
    }),
  ],
  [
    /^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./,
    (field = '', argument = '') => ({
      message: `Field '${field}' is missing required arguments: ${argument}`,
      code: 'missingRequiredArguments',
      extensions: { className: 'Field', name: field, arguments: argument },
    }),
  ],
  [
    /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields\./,
    (field = '', type = '') => ({
      message: `Field must have selections (field '${field}' returns ${type.replace(/[![\]]/g, '')} but has no selections. Did you mean '${field} { ... }'?)`,
      code: 'selectionMismatch',
      extensions: { nodeName: `field '${field}'`, typeName: type },
    }),
  ],
  [
    /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./,
    (field = '', type = '') => ({
      message: `Selections can't be made on scalars (field '${field}' returns ${type.replace(/[![\]]/g, '')} but has selections)`,
      code: 'selectionMismatch',
      extensions: { nodeName: `field '${field}'`, typeName: type },
    }),
  ],
  [
    /^Variable "\$(\w+)" is never used in operation "(\w+)"\./,
    (variable = '', operation = '') => ({
      message: `Variable $${variable} is declared by ${operation} but not used`,
      code: 'variableNotUsed',
      extensions: { variableName: variable },
    }),
  ],
  [
    /^Variable "\$(\w+)" is not defined by operation "(\w+)"\./,
    (variable = '', operation = '') => ({
      message: `Variable $${variable} is used by ${operation} but not declared`,
      code: 'variableNotDefined',
      extensions: { variableName: variable },
    }),
  ],
  [
    /^Fragment "(\w+)" is never used\./,
    (fragment = '') => ({
      message: `Fragment ${fragment} was defined, but not used`,
      code: 'useAndDefineFragment',
      extensions: { fragmentName: fragment },
    }),
  ],
  [
    /^Unknown fragment "(\w+)"\./,
    (fragment = '') => ({
      message: `Fragment ${fragment} was used, but not defined`,
      code: 'useAndDefineFragment',
      extensions: { fragmentName: fragment },
    }),
  ],
  [
    /^Fragment (?:"(\w+)" )?cannot be spread here as objects of type "(\w+)" can never be of type "(\w+)"\./,
    (fragment = '', parent = '', type = '') => ({
      message: `Fragment ${fragment ? `${fragment} ` : ''}on ${type} can't be spread inside ${parent}`,
      code: 'cannotSpreadFragment',
      extensions: { typeName: type, fragmentName: fragment || 'unknown', parentName: parent },
    }),
  ],
];

export function validationError(error: GraphQLError): GitHubGraphqlError {
  for (const [pattern, rewrite] of VALIDATION_REWRITES) {
    const match = pattern.exec(error.message);
    if (!match) continue;
    const {
      message,
      code,
      extensions = {},
    } = rewrite(...match.slice(1).map((group) => group ?? ''));
    return { extensions: { code, ...extensions }, ...locationsOf(error), message };
  }
  return { ...locationsOf(error), message: error.message };
}

/** GitHub names the token it stopped at: `Parse error on "}" (RCURLY) at [3, 1]`. */
export function syntaxError(error: GraphQLError): GitHubGraphqlError {
  const location = error.locations?.[0] ?? { line: 1, column: 1 };
  const found = /found (<EOF>|"(.*)"|(\S+))\.?$/.exec(error.message);
  if (found?.[1] === '<EOF>')
    return { locations: [location], message: 'Unexpected end of document' };
  const token = found?.[2] ?? found?.[3] ?? '';
  return {
    locations: [location],
    message: `Parse error on ${JSON.stringify(token)} (${tokenKind(token)}) at [${location.line}, ${location.column}]`,
  };
}

const PUNCTUATORS: Record<string, string> = {
  '{': 'LCURLY',
  '}': 'RCURLY',
  '(': 'LPAREN',
  ')': 'RPAREN',
  '[': 'LBRACKET',
  ']': 'RBRACKET',
  ':': 'COLON',
  $: 'VAR_SIGN',
  '!': 'BANG',
  '=': 'EQUALS',
  '@': 'DIR_SIGN',
  '...': 'ELLIPSIS',
  '|': 'PIPE',
  '&': 'AMP',
};

function tokenKind(token: string): string {
  if (token in PUNCTUATORS) return PUNCTUATORS[token] as string;
  if (/^-?\d+$/.test(token)) return 'INT';
  if (/^-?\d/.test(token)) return 'FLOAT';
  return 'IDENTIFIER';
}

/** A variable the operation declares but the request gives a value of the wrong kind, or none. */
export function variableError(
  error: GraphQLError,
  variables: Record<string, unknown>,
): GitHubGraphqlError {
  const definition = error.nodes?.[0] as VariableDefinitionNode | undefined;
  const name = definition?.variable.name.value ?? /"\$(\w+)"/.exec(error.message)?.[1] ?? '?';
  const type = definition ? print(definition.type) : '?';
  const explanation = error.message
    .replace(/^Variable "\$\w+" /, '')
    .replace(/^got invalid value [^;]*; /, '');
  return {
    extensions: { value: variables[name] ?? null, problems: [{ path: [], explanation }] },
    ...locationsOf(error),
    message: `Variable $${name} of type ${type} was provided invalid value`,
  };
}

export function executionError(error: GraphQLError): GitHubGraphqlError {
  const original = error.originalError;
  return {
    ...(original instanceof GraphqlProblem ? { type: original.type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...locationsOf(error),
    message: error.message,
  };
}

function locationsOf(error: GraphQLError): { locations?: Array<{ line: number; column: number }> } {
  return error.locations
    ? { locations: error.locations.map(({ line, column }) => ({ line, column })) }
    : {};
}
