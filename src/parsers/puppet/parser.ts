/**
 * A recursive-descent parser for the Puppet language that builds the tree Puppet's own LALR
 * parser (`egrammar.ra`) builds: the same operator precedences, the same statement calls
 * without parentheses (`include foo, bar`), the same rewrites of interpolated names.
 */
import {
  blockOrExpression,
  type BinaryOperator,
  type CaseOption,
  type ConcatenatedString,
  type Expression,
  type HeredocExpression,
  type IfExpression,
  type KeyedEntry,
  type LambdaExpression,
  type LiteralHash,
  type LiteralList,
  type LiteralString,
  type Program,
  type SelectorEntry,
  type TextExpression,
  type UnaryOperator,
} from './ast.js';
import {
  functionDefinition,
  hostClass,
  lambda,
  nodeDefinition,
  resourceType,
  typeStatement,
} from './parse-definitions.js';
import { collect, resource } from './parse-resources.js';
import { TokenStream, type Grammar } from './token-stream.js';
import type { Token, TokenKind } from './tokens.js';

/** Binding strength of the binary operators, from `or` (weakest) to `in` (strongest). */
const BINARY: Partial<Record<TokenKind, readonly [number, BinaryOperator | '?']>> = {
  OR: [1, 'or'],
  AND: [2, 'and'],
  QMARK: [3, '?'],
  GREATEREQUAL: [4, '>='],
  GREATERTHAN: [4, '>'],
  LESSTHAN: [4, '<'],
  LESSEQUAL: [4, '<='],
  NOTEQUAL: [5, '!='],
  ISEQUAL: [5, '=='],
  LSHIFT: [6, '<<'],
  RSHIFT: [6, '>>'],
  MINUS: [7, '-'],
  PLUS: [7, '+'],
  TIMES: [8, '*'],
  DIV: [8, '/'],
  MODULO: [8, '%'],
  MATCH: [9, '=~'],
  NOMATCH: [9, '!~'],
  IN: [10, 'in'],
};

const ASSIGNMENT: Partial<Record<TokenKind, BinaryOperator>> = {
  EQUALS: '=',
  APPENDS: '+=',
  DELETES: '-=',
};
const RELATIONSHIP: Partial<Record<TokenKind, BinaryOperator>> = {
  IN_EDGE: '->',
  IN_EDGE_SUB: '~>',
  OUT_EDGE: '<-',
  OUT_EDGE_SUB: '<~',
};
const PREFIX: Partial<Record<TokenKind, UnaryOperator>> = {
  NOT: 'not',
  MINUS: 'minus',
  TIMES: 'unfold',
};

const STATEMENT_START = new Set<TokenKind>([
  'VARIABLE',
  'LISTSTART',
  'LBRACK',
  'LBRACE',
  'REGEX',
  'STRING',
  'WORD',
  'DQPRE',
  'HEREDOC',
  'CLASSREF',
  'NUMBER',
  'BOOLEAN',
  'DEFAULT',
  'UNDEF',
  'NAME',
  'LPAREN',
  'WSLPAREN',
  'MINUS',
  'TIMES',
  'NOT',
  'AT',
  'ATAT',
  'CASE',
  'IF',
  'UNLESS',
  'DEFINE',
  'CLASS',
  'NODE',
  'FUNCTION',
  'TYPE',
  'PRIVATE',
  'ATTR',
]);

/** Functions that may be called as a statement without parentheses: `include foo`. */
const STATEMENT_CALLS = new Set([
  'require',
  'realize',
  'include',
  'contain',
  'tag',
  'debug',
  'info',
  'notice',
  'warning',
  'err',
  'fail',
  'import',
  'break',
  'next',
  'return',
]);

/** Keywords that stand for their own name as an array entry or hash key: `{ type => x }`. */
const KEYWORD_ENTRY_FOLLOWERS = new Set<TokenKind>([
  'COMMA',
  'RBRACK',
  'RBRACE',
  'FARROW',
  'RPAREN',
]);

export function parseTokens(tokens: Token[], sourceLength: number): Program {
  return new Parser(new TokenStream(tokens)).program(sourceLength);
}

class Parser implements Grammar {
  readonly namespace: string[] = [];

  constructor(readonly stream: TokenStream) {}

  program(sourceLength: number): Program {
    if (this.stream.at('EOF'))
      return { body: { kind: 'Nop', start: sourceLength, end: sourceLength } };
    const statements = this.statements();
    if (!this.stream.at('EOF')) this.stream.fail('expected a statement');
    return { body: blockOrExpression(statements) };
  }

  statements(): Expression[] {
    const stream = this.stream;
    const raw = [this.syntacticStatement()];
    for (;;) {
      if (stream.accept('SEMIC')) raw.push(this.syntacticStatement());
      else if (STATEMENT_START.has(stream.current())) raw.push(this.syntacticStatement());
      else break;
    }
    return this.transformCalls(raw);
  }

  optionalStatements(): Expression[] | undefined {
    return this.stream.at('RBRACE') ? undefined : this.statements();
  }

  /** One statement, or a comma-separated list that only a statement call may take as arguments. */
  private syntacticStatement(): Expression | Expression[] {
    if (!STATEMENT_START.has(this.stream.current())) this.stream.fail('expected a statement');
    const first = this.assignment();
    if (!this.stream.at('COMMA')) return first;
    const list = [first];
    while (this.stream.accept('COMMA')) list.push(this.assignment());
    return list;
  }

  /**
   * Puppet's `transform_calls`: a statement function's name followed by an expression (or a
   * comma-separated list) becomes a call; a call used as a statement does not need its value.
   */
  transformCalls(statements: (Expression | Expression[])[]): Expression[] {
    const result: Expression[] = [];
    for (const statement of statements) {
      const previous = result[result.length - 1];
      if (previous?.kind === 'QualifiedName' && STATEMENT_CALLS.has(previous.value)) {
        const args = Array.isArray(statement) ? statement : [statement];
        const last = args[args.length - 1] ?? previous;
        result[result.length - 1] = {
          kind: 'CallNamedFunction',
          functor: previous,
          args,
          rvalRequired: false,
          start: previous.start,
          end: last.end,
        };
      } else if (Array.isArray(statement)) {
        const at = statement[1] ?? statement[0] ?? { start: 0, end: 0 };
        const message =
          previous?.kind === 'QualifiedName'
            ? `attempt to pass argument list to the function '${previous.value}' which cannot be called without parentheses`
            : 'illegal comma separated argument list';
        this.stream.fail(message, at);
      } else {
        if (statement.kind === 'CallNamedFunction') statement.rvalRequired = false;
        result.push(statement);
      }
    }
    return result;
  }

  assignment(): Expression {
    const left = this.relationship();
    const operator = ASSIGNMENT[this.stream.current()];
    if (!operator) return left;
    this.stream.next();
    this.stream.enter();
    try {
      const right = this.assignment();
      return { kind: 'Binary', operator, left, right, start: left.start, end: right.end };
    } finally {
      this.stream.leave();
    }
  }

  private relationship(): Expression {
    let left = resource(this);
    for (
      let operator = RELATIONSHIP[this.stream.current()];
      operator;
      operator = RELATIONSHIP[this.stream.current()]
    ) {
      this.stream.next();
      const right = resource(this);
      left = { kind: 'Binary', operator, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  expression(): Expression {
    return this.binary(1);
  }

  private binary(minimum: number): Expression {
    let left = this.unary();
    for (;;) {
      const operator = BINARY[this.stream.current()];
      if (!operator || operator[0] < minimum) return left;
      if (operator[1] === '?') {
        left = this.selector(left);
        continue;
      }
      this.stream.next();
      const right = this.binary(operator[0] + 1);
      left = {
        kind: 'Binary',
        operator: operator[1],
        left,
        right,
        start: left.start,
        end: right.end,
      };
    }
  }

  private unary(): Expression {
    this.stream.enter();
    try {
      const operator = PREFIX[this.stream.current()];
      if (!operator) return this.postfix(this.primary());
      const token = this.stream.next();
      const expr = this.unary();
      return { kind: 'Unary', operator, expr, start: token.start, end: expr.end };
    } finally {
      this.stream.leave();
    }
  }

  /** Calls, method calls, `[...]` access and collectors bind tighter than any operator. */
  private postfix(primary: Expression): Expression {
    const stream = this.stream;
    let expr = primary;
    for (;;) {
      switch (stream.current()) {
        case 'LPAREN': {
          stream.next();
          const args = stream.at('RPAREN') ? [] : this.arguments('RPAREN');
          if (args.length > 0) stream.accept('COMMA');
          const close = stream.expect('RPAREN', "')' to close the argument list");
          const block = stream.at('PIPE') ? this.lambda() : undefined;
          expr = {
            kind: 'CallNamedFunction',
            functor: expr,
            args,
            ...(block ? { lambda: block } : {}),
            rvalRequired: true,
            start: expr.start,
            end: block ? block.end : close.end,
          };
          break;
        }
        case 'DOT': {
          stream.next();
          const name = stream.peek();
          if (name.kind !== 'NAME' && name.kind !== 'TYPE')
            stream.fail('expected a function name after .');
          stream.next();
          const functor = {
            kind: 'NamedAccess' as const,
            left: expr,
            right: {
              kind: 'QualifiedName' as const,
              value: name.value,
              start: name.start,
              end: name.end,
            },
            start: expr.start,
            end: name.end,
          };
          let args: Expression[] = [];
          let end = name.end;
          if (stream.accept('LPAREN')) {
            if (!stream.at('RPAREN')) args = this.arguments('RPAREN');
            end = stream.expect('RPAREN', "')' to close the argument list").end;
          }
          const block = stream.at('PIPE') ? this.lambda() : undefined;
          expr = {
            kind: 'CallMethod',
            functor,
            args,
            ...(block ? { lambda: block } : {}),
            start: expr.start,
            end: block ? block.end : end,
          };
          break;
        }
        case 'LBRACK': {
          stream.next();
          const keys = this.arguments('RBRACK');
          stream.accept('COMMA');
          const close = stream.expect('RBRACK', "']' to close the access");
          expr = { kind: 'Access', left: expr, keys, start: expr.start, end: close.end };
          break;
        }
        case 'LCOLLECT':
        case 'LLCOLLECT':
          expr = collect(this, expr);
          break;
        default:
          return expr;
      }
    }
  }

  private primary(): Expression {
    const stream = this.stream;
    const token = stream.peek();
    const span = { start: token.start, end: token.end };
    switch (token.kind) {
      case 'VARIABLE':
        stream.next();
        return {
          kind: 'Variable',
          name: token.value,
          ...(token.booleanName ? { booleanName: true } : {}),
          ...span,
        };
      case 'LISTSTART':
      case 'LBRACK':
        return this.array();
      case 'LBRACE':
        return this.hash();
      case 'REGEX':
        stream.next();
        return { kind: 'Regex', pattern: token.value, ...span };
      case 'STRING':
      case 'WORD':
        stream.next();
        return { kind: 'String', value: token.value, ...span };
      case 'DQPRE':
        return this.dqString();
      case 'HEREDOC':
        return this.heredoc();
      case 'CLASSREF':
        stream.next();
        return { kind: 'QualifiedReference', value: token.value, ...span };
      case 'NUMBER':
        stream.next();
        return numberLiteral(token);
      case 'BOOLEAN':
        stream.next();
        return { kind: 'Boolean', value: token.value === 'true', ...span };
      case 'DEFAULT':
        stream.next();
        return { kind: 'Default', ...span };
      case 'UNDEF':
        stream.next();
        return { kind: 'Undef', ...span };
      case 'NAME':
        stream.next();
        return { kind: 'QualifiedName', value: token.value, ...span };
      case 'LPAREN':
      case 'WSLPAREN': {
        stream.next();
        const expr = this.assignment();
        const close = stream.expect('RPAREN', "')' to close the parenthesis");
        return { kind: 'Unary', operator: 'paren', expr, start: token.start, end: close.end };
      }
      case 'CASE':
        return this.caseExpression();
      case 'IF':
        return this.ifExpression();
      case 'UNLESS':
        return this.unlessExpression();
      case 'DEFINE':
        return resourceType(this);
      case 'CLASS':
        return hostClass(this);
      case 'NODE':
        return nodeDefinition(this);
      case 'FUNCTION':
        return functionDefinition(this);
      case 'TYPE':
        if (stream.peek(1).kind === 'LPAREN') {
          stream.next();
          return { kind: 'QualifiedName', value: 'type', ...span };
        }
        return typeStatement(this);
      case 'PRIVATE':
      case 'ATTR':
        stream.next();
        return { kind: 'ReservedWord', word: token.value, ...span };
      default:
        return stream.fail('expected an expression');
    }
  }

  /** Arguments up to (not including) `close`; a trailing comma is left for the caller. */
  arguments(close: TokenKind): Expression[] {
    const stream = this.stream;
    const args: Expression[] = [];
    addArgument(args, this.argument());
    while (stream.at('COMMA') && stream.peek(1).kind !== close) {
      stream.next();
      addArgument(args, this.argument());
    }
    return args;
  }

  /** An expression, or a `key => value` pair that becomes a hash without braces. */
  private argument(): Expression {
    const key = this.hashEntry();
    if (!this.stream.at('FARROW')) return key;
    this.stream.next();
    const value = this.hashEntry();
    const entry: KeyedEntry = { kind: 'KeyedEntry', key, value, start: key.start, end: value.end };
    return { kind: 'Hash', entries: [entry], unfolded: true, start: key.start, end: value.end };
  }

  private hashEntry(): Expression {
    const token = this.stream.peek();
    if (
      (token.kind === 'TYPE' || token.kind === 'FUNCTION') &&
      KEYWORD_ENTRY_FOLLOWERS.has(this.stream.peek(1).kind)
    ) {
      this.stream.next();
      return { kind: 'String', value: token.value, start: token.start, end: token.end };
    }
    return this.assignment();
  }

  array(): LiteralList {
    const stream = this.stream;
    const open = stream.next();
    const values = stream.at('RBRACK') ? [] : this.arguments('RBRACK');
    if (values.length > 0) stream.accept('COMMA');
    const close = stream.expect('RBRACK', "']' to close the array");
    return { kind: 'List', values, start: open.start, end: close.end };
  }

  hash(): LiteralHash {
    const stream = this.stream;
    const open = stream.next();
    const entries: KeyedEntry[] = [];
    while (!stream.at('RBRACE')) {
      const key = this.hashEntry();
      stream.expect('FARROW', "'=>' after the hash key");
      const value = this.hashEntry();
      entries.push({ kind: 'KeyedEntry', key, value, start: key.start, end: value.end });
      if (!stream.accept('COMMA')) break;
    }
    const close = stream.expect('RBRACE', "'}' to close the hash");
    return { kind: 'Hash', entries, unfolded: false, start: open.start, end: close.end };
  }

  lambda(): LambdaExpression {
    return lambda(this);
  }

  private selector(left: Expression): Expression {
    const stream = this.stream;
    stream.next();
    stream.enter();
    try {
      return this.selectorBody(left);
    } finally {
      stream.leave();
    }
  }

  private selectorBody(left: Expression): Expression {
    const stream = this.stream;
    const entries: SelectorEntry[] = [];
    let end: number;
    if (stream.accept('SELBRACE')) {
      entries.push(this.selectorEntry());
      while (stream.at('COMMA') && stream.peek(1).kind !== 'RBRACE') {
        stream.next();
        entries.push(this.selectorEntry());
      }
      stream.accept('COMMA');
      end = stream.expect('RBRACE', "'}' to close the selector").end;
    } else {
      const entry = this.selectorEntry();
      entries.push(entry);
      end = entry.end;
    }
    return { kind: 'Selector', left, entries, start: left.start, end };
  }

  private selectorEntry(): SelectorEntry {
    const matching = this.expression();
    this.stream.expect('FARROW', "'=>' in the selector");
    const value = this.expression();
    return { kind: 'SelectorEntry', matching, value, start: matching.start, end: value.end };
  }

  private caseExpression(): Expression {
    const stream = this.stream;
    const keyword = stream.next();
    const test = this.expression();
    stream.expect('LBRACE', "'{' to open the case");
    const options: CaseOption[] = [];
    do options.push(this.caseOption());
    while (!stream.at('RBRACE') && !stream.at('EOF'));
    const close = stream.expect('RBRACE', "'}' to close the case");
    return { kind: 'Case', test, options, start: keyword.start, end: close.end };
  }

  private caseOption(): CaseOption {
    const stream = this.stream;
    const values = [this.expression()];
    while (stream.accept('COMMA')) values.push(this.expression());
    stream.expect('COLON', "':' after the case values");
    stream.expect('LBRACE', "'{' to open the case branch");
    const body = this.optionalStatements();
    const close = stream.expect('RBRACE', "'}' to close the case branch");
    const first = values[0] as Expression;
    return {
      kind: 'CaseOption',
      values,
      ...(body ? { body } : {}),
      start: first.start,
      end: close.end,
    };
  }

  private ifExpression(): Expression {
    const keyword = this.stream.next();
    return this.ifPart(keyword.start, false);
  }

  private ifPart(start: number, isElsif: boolean): IfExpression {
    const stream = this.stream;
    stream.enter();
    try {
      const test = this.expression();
      const { statements, end } = this.branch('if');
      const result: IfExpression = {
        kind: 'If',
        keyword: 'if',
        test,
        ...(statements ? { then: statements } : {}),
        ...(isElsif ? { elsif: true } : {}),
        hasElse: false,
        start,
        end,
      };
      const elsif = stream.accept('ELSIF');
      result.hasElse = elsif !== undefined || stream.at('ELSE');
      if (elsif) {
        const otherwise = this.ifPart(elsif.start, true);
        result.else = otherwise;
        result.end = otherwise.end;
      } else if (stream.accept('ELSE')) {
        const otherwise = this.branch('else');
        if (otherwise.statements) result.else = otherwise.statements;
        result.end = otherwise.end;
      }
      return result;
    } finally {
      stream.leave();
    }
  }

  private unlessExpression(): Expression {
    const stream = this.stream;
    const keyword = stream.next();
    const test = this.expression();
    const { statements, end } = this.branch('unless');
    const result: IfExpression = {
      kind: 'If',
      keyword: 'unless',
      test,
      ...(statements ? { then: statements } : {}),
      hasElse: stream.at('ELSE'),
      start: keyword.start,
      end,
    };
    if (stream.accept('ELSE')) {
      const otherwise = this.branch('else');
      if (otherwise.statements) result.else = otherwise.statements;
      result.end = otherwise.end;
    }
    return result;
  }

  /** `{ statements }` of an if/unless/else branch: one statement, a block, or nothing. */
  private branch(what: string): { statements: Expression | undefined; end: number } {
    const open = this.stream.expect('LBRACE', `'{' to open the ${what} branch`);
    const statements = this.optionalStatements();
    const close = this.stream.expect('RBRACE', `'}' to close the ${what} branch`);
    return {
      statements:
        statements && blockOrExpression(statements, { start: open.start, end: close.end }),
      end: close.end,
    };
  }

  dqString(): Expression {
    const stream = this.stream;
    const open = stream.next();
    const segments: (LiteralString | TextExpression)[] = [literalPart(open)];
    let previous = open;
    for (;;) {
      const expr = this.assignment();
      const part = stream.peek();
      if (part.kind !== 'DQMID' && part.kind !== 'DQPOST')
        stream.fail("expected '}' to end the interpolation");
      stream.next();
      segments.push({
        kind: 'Text',
        expr: interpolate(expr),
        start: previous.end,
        end: part.start,
      });
      segments.push(literalPart(part));
      previous = part;
      if (part.kind === 'DQPOST') break;
    }
    const concat: ConcatenatedString = {
      kind: 'Concat',
      segments: segments.filter((segment) => segment.kind !== 'String' || segment.value !== ''),
      start: open.start,
      end: previous.end,
    };
    return concat;
  }

  heredoc(): HeredocExpression {
    const stream = this.stream;
    const token = stream.next();
    const textToken = stream.peek();
    let text: LiteralString | ConcatenatedString;
    if (textToken.kind === 'STRING') {
      stream.next();
      text = literalPart(textToken);
    } else {
      text = this.dqString() as ConcatenatedString;
    }
    return {
      kind: 'Heredoc',
      syntax: token.value,
      text,
      body: token.body ?? { start: token.end, end: token.end },
      start: token.start,
      end: token.end,
    };
  }
}

function addArgument(args: Expression[], arg: Expression): void {
  const last = args[args.length - 1];
  if (arg.kind === 'Hash' && arg.unfolded && last?.kind === 'Hash' && last.unfolded) {
    for (const entry of arg.entries) last.entries.push(entry);
    last.end = arg.end;
  } else {
    args.push(arg);
  }
}

function literalPart(token: Token): LiteralString {
  return { kind: 'String', value: token.value, start: token.start, end: token.end };
}

function numberLiteral(token: Token): Expression {
  const text = token.value;
  const span = { start: token.start, end: token.end };
  if (/^0[xX]/.test(text))
    return { kind: 'Integer', value: Number(BigInt(text)), radix: 16, ...span };
  if (/[.eE]/.test(text)) return { kind: 'Float', value: Number(text), ...span };
  if (text.length > 1 && text.startsWith('0'))
    return { kind: 'Integer', value: Number(BigInt(`0o${text.slice(1)}`)), radix: 8, ...span };
  return { kind: 'Integer', value: Number(BigInt(text)), radix: 10, ...span };
}

/**
 * Puppet's interpolation rewrite: a bare name in `${...}` is a variable, and so is the name
 * at the root of an access or method call (`${x['k']}`, `${x.y}`).
 */
function interpolate(expr: Expression): Expression {
  switch (expr.kind) {
    case 'QualifiedName':
      return { kind: 'Variable', name: expr.value, start: expr.start, end: expr.end };
    case 'Integer':
      return { kind: 'Variable', name: String(expr.value), start: expr.start, end: expr.end };
    case 'Access':
    case 'NamedAccess':
      if (isInterpolationRoot(expr.left)) expr.left = interpolate(expr.left);
      return expr;
    case 'CallMethod':
      expr.functor.left = isInterpolationRoot(expr.functor.left)
        ? interpolate(expr.functor.left)
        : expr.functor.left;
      return expr;
    default:
      return expr;
  }
}

function isInterpolationRoot(expr: Expression): boolean {
  switch (expr.kind) {
    case 'Access':
    case 'QualifiedName':
    case 'NamedAccess':
    case 'CallMethod':
      return true;
    case 'Integer':
      return expr.radix === 10;
    default:
      return false;
  }
}
