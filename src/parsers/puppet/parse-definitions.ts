/**
 * Definitions: `class`, `define`, `node`, `function`, `type` aliases and type definitions,
 * with their parameter lists; and lambdas, which share the parameter syntax.
 */
import type {
  Expression,
  FunctionDefinition,
  HostClassDefinition,
  LambdaExpression,
  LiteralHash,
  NodeDefinition,
  Parameter,
  QualifiedReference,
  ResourceTypeDefinition,
  Span,
} from './ast.js';
import type { Token, TokenKind } from './tokens.js';
import type { Grammar } from './token-stream.js';

/** `class name (params) inherits parent { ... }` */
export function hostClass(grammar: Grammar): HostClassDefinition {
  const stream = grammar.stream;
  const keyword = stream.next();
  const name = className(grammar);
  grammar.namespace.push(name.value);
  const parameters = parameterList(grammar);
  let parent: string | undefined;
  if (stream.accept('INHERITS')) {
    const token = stream.next();
    if (
      token.kind !== 'NAME' &&
      token.kind !== 'WORD' &&
      token.kind !== 'CLASSREF' &&
      token.kind !== 'DEFAULT'
    ) {
      return stream.fail('expected a class name after inherits', token);
    }
    parent = token.value;
  }
  const { body, end } = block(grammar, 'the class body');
  grammar.namespace.pop();
  return {
    kind: 'HostClass',
    name: qualify(grammar.namespace, name.value),
    nameSpan: spanOf(name),
    parameters,
    ...(parent !== undefined ? { parent } : {}),
    ...(body ? { body } : {}),
    start: keyword.start,
    end,
  };
}

/** `define name (params) { ... }` */
export function resourceType(grammar: Grammar): ResourceTypeDefinition {
  const keyword = grammar.stream.next();
  const name = className(grammar);
  const parameters = parameterList(grammar);
  const { body, end } = block(grammar, 'the define body');
  return {
    kind: 'ResourceTypeDefinition',
    name: qualify(grammar.namespace, name.value),
    nameSpan: spanOf(name),
    parameters,
    ...(body ? { body } : {}),
    start: keyword.start,
    end,
  };
}

/** `function name (params) >> ReturnType { ... }` */
export function functionDefinition(grammar: Grammar): FunctionDefinition {
  const keyword = grammar.stream.next();
  const name = className(grammar);
  const parameters = parameterList(grammar);
  const returnType = optionalReturnType(grammar);
  const { body, end } = block(grammar, 'the function body');
  return {
    kind: 'FunctionDefinition',
    name: name.value,
    nameSpan: spanOf(name),
    parameters,
    ...(body ? { body } : {}),
    ...(returnType ? { returnType } : {}),
    start: keyword.start,
    end,
  };
}

/** `node 'a', /b/, default inherits x { ... }` */
export function nodeDefinition(grammar: Grammar): NodeDefinition {
  const stream = grammar.stream;
  const keyword = stream.next();
  const matches = [hostname(grammar)];
  while (
    stream.at('COMMA') &&
    stream.peek(1).kind !== 'LBRACE' &&
    stream.peek(1).kind !== 'INHERITS'
  ) {
    stream.next();
    matches.push(hostname(grammar));
  }
  stream.accept('COMMA');
  const parent = stream.accept('INHERITS') ? hostname(grammar) : undefined;
  const { body, end } = block(grammar, 'the node body');
  return {
    kind: 'NodeDefinition',
    matches,
    ...(parent ? { parent } : {}),
    ...(body ? { body } : {}),
    start: keyword.start,
    end,
  };
}

function hostname(grammar: Grammar): Expression {
  const stream = grammar.stream;
  const token = stream.peek();
  switch (token.kind) {
    case 'NAME':
    case 'NUMBER': {
      stream.next();
      let value = token.value;
      let end = token.end;
      while (
        stream.at('DOT') &&
        (stream.peek(1).kind === 'NAME' || stream.peek(1).kind === 'NUMBER')
      ) {
        stream.next();
        const part = stream.next();
        value += `.${part.value}`;
        end = part.end;
      }
      return { kind: 'String', value, start: token.start, end };
    }
    case 'STRING':
    case 'WORD':
      stream.next();
      return { kind: 'String', value: token.value, start: token.start, end: token.end };
    case 'DQPRE':
      return grammar.dqString();
    case 'HEREDOC':
      return grammar.heredoc();
    case 'DEFAULT':
      stream.next();
      return { kind: 'Default', start: token.start, end: token.end };
    case 'REGEX':
      stream.next();
      return { kind: 'Regex', pattern: token.value, start: token.start, end: token.end };
    default:
      return stream.fail('expected a node name, a string, a regex or default');
  }
}

/**
 * `type Name = Type[...]`, `type Name = Object { ... }`, `type Name[...] = ...` (a type
 * mapping) or `type Name inherits Parent { ... }`. The `type` keyword is the current token.
 */
export function typeStatement(grammar: Grammar): Expression {
  const stream = grammar.stream;
  const keyword = stream.next();
  if (
    stream.at('CLASSREF') &&
    (stream.peek(1).kind === 'LBRACE' || stream.peek(1).kind === 'INHERITS')
  ) {
    const name = stream.next();
    const parent = stream.accept('INHERITS')
      ? stream.expect('CLASSREF', 'a type name after inherits').value
      : undefined;
    const open = stream.expect('LBRACE', "'{' to open the type body");
    const statements = grammar.optionalStatements();
    const close = stream.expect('RBRACE', "'}' to close the type body");
    const body = statements
      ? { kind: 'Block' as const, statements, start: open.start, end: close.end }
      : undefined;
    return {
      kind: 'TypeDefinition',
      name: name.value,
      ...(parent !== undefined ? { parent } : {}),
      ...(body ? { body } : {}),
      start: keyword.start,
      end: close.end,
    };
  }
  const left = parameterType(grammar);
  stream.expect('EQUALS', "'=' in the type alias");
  let typeExpr: Expression;
  if (stream.at('CLASSREF')) {
    const type = typeReference(stream.next());
    if (stream.at('LBRACK')) {
      stream.next();
      const keys = grammar.arguments('RBRACK');
      stream.accept('COMMA');
      const close = stream.expect('RBRACK', "']' to close the type parameters");
      typeExpr = { kind: 'Access', left: type, keys, start: type.start, end: close.end };
    } else if (stream.at('LBRACE')) {
      typeExpr = objectType(type, grammar.hash());
    } else {
      typeExpr = type;
    }
  } else if (stream.at('LBRACE')) {
    const hash = grammar.hash();
    typeExpr = {
      kind: 'Access',
      left: syntheticReference('Object', hash),
      keys: [hash],
      start: hash.start,
      end: hash.end,
    };
  } else if (stream.at('LISTSTART') || stream.at('LBRACK')) {
    typeExpr = grammar.array();
  } else {
    return stream.fail('expected a type after = in the type alias');
  }
  if (left.kind === 'Access') {
    return {
      kind: 'TypeMapping',
      typeExpr: left,
      mappingExpr: typeExpr,
      start: keyword.start,
      end: typeExpr.end,
    };
  }
  const name = left.kind === 'QualifiedReference' ? left.value : '';
  return { kind: 'TypeAlias', name, typeExpr, start: keyword.start, end: typeExpr.end };
}

/** `type X = Parent { ... }` means `Object[{ ..., parent => Parent }]`, as Puppet rewrites it. */
function objectType(parent: QualifiedReference, hash: LiteralHash): Expression {
  if (parent.value === 'Object' || parent.value === 'TypeSet') {
    return { kind: 'Access', left: parent, keys: [hash], start: parent.start, end: hash.end };
  }
  hash.entries.push({
    kind: 'KeyedEntry',
    key: { kind: 'QualifiedName', value: 'parent', start: parent.start, end: parent.end },
    value: parent,
    start: parent.start,
    end: parent.end,
  });
  return {
    kind: 'Access',
    left: syntheticReference('Object', parent),
    keys: [hash],
    start: parent.start,
    end: hash.end,
  };
}

function syntheticReference(value: string, at: Span): QualifiedReference {
  return { kind: 'QualifiedReference', value, start: at.start, end: at.start };
}

/** `| params | >> Type { ... }` */
export function lambda(grammar: Grammar): LambdaExpression {
  const stream = grammar.stream;
  const open = stream.expect('PIPE', "'|' to open the lambda parameters");
  let parameters: Parameter[] = [];
  if (!stream.at('PIPE')) {
    parameters = parameterSequence(grammar, 'PIPE');
    stream.accept('COMMA');
  }
  stream.expect('PIPE', "'|' to close the lambda parameters");
  const returnType = optionalReturnType(grammar);
  const { body, end } = block(grammar, 'the lambda body');
  return {
    kind: 'Lambda',
    parameters,
    ...(body ? { body } : {}),
    ...(returnType ? { returnType } : {}),
    start: open.start,
    end,
  };
}

function parameterList(grammar: Grammar): Parameter[] {
  const stream = grammar.stream;
  if (!stream.at('LPAREN') && !stream.at('WSLPAREN')) return [];
  stream.next();
  if (stream.accept('RPAREN')) return [];
  const parameters = parameterSequence(grammar, 'RPAREN');
  stream.accept('COMMA');
  stream.expect('RPAREN', "')' to close the parameter list");
  return parameters;
}

function parameterSequence(grammar: Grammar, close: TokenKind): Parameter[] {
  const stream = grammar.stream;
  const parameters = [parameter(grammar)];
  while (stream.at('COMMA') && stream.peek(1).kind !== close) {
    stream.next();
    parameters.push(parameter(grammar));
  }
  return parameters;
}

/** `Type *$name = default` */
function parameter(grammar: Grammar): Parameter {
  const stream = grammar.stream;
  const start = stream.peek().start;
  const typeExpr = stream.at('CLASSREF') ? parameterType(grammar) : undefined;
  const capturesRest = stream.accept('TIMES') !== undefined;
  const variable = stream.expect('VARIABLE', 'a parameter name ($name)');
  const value = stream.accept('EQUALS') ? grammar.expression() : undefined;
  return {
    kind: 'Parameter',
    name: variable.value,
    nameSpan: spanOf(variable),
    ...(typeExpr ? { typeExpr } : {}),
    ...(value ? { value } : {}),
    capturesRest,
    start,
    end: value ? value.end : variable.end,
  };
}

/** `Type` or `Type[args]` (no trailing comma here, as in Puppet's grammar). */
function parameterType(grammar: Grammar): Expression {
  const stream = grammar.stream;
  const type = typeReference(stream.expect('CLASSREF', 'a type name'));
  if (!stream.at('LBRACK')) return type;
  stream.next();
  const keys = grammar.arguments('RBRACK');
  const close = stream.expect('RBRACK', "']' to close the type parameters");
  return { kind: 'Access', left: type, keys, start: type.start, end: close.end };
}

function optionalReturnType(grammar: Grammar): Expression | undefined {
  return grammar.stream.accept('RSHIFT') ? parameterType(grammar) : undefined;
}

function className(grammar: Grammar): Token {
  const stream = grammar.stream;
  const token = stream.peek();
  if (token.kind === 'NAME' || token.kind === 'WORD' || token.kind === 'CLASSREF')
    return stream.next();
  if (token.kind === 'CLASS') return stream.fail("'class' keyword not allowed at this location");
  if (token.kind === 'STRING') return stream.fail('a quoted string is not valid as a name here');
  return stream.fail('expected a name');
}

function block(grammar: Grammar, what: string): { body: Expression[] | undefined; end: number } {
  const stream = grammar.stream;
  stream.expect('LBRACE', `'{' to open ${what}`);
  const body = grammar.optionalStatements();
  const close = stream.expect('RBRACE', `'}' to close ${what}`);
  return { body, end: close.end };
}

function typeReference(token: Token): QualifiedReference {
  return { kind: 'QualifiedReference', value: token.value, start: token.start, end: token.end };
}

function qualify(namespace: string[], name: string): string {
  return [namespace.join('::'), name].join('::').replace(/^::/, '');
}

function spanOf(token: Token): Span {
  return { start: token.start, end: token.end };
}
