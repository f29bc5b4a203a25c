/**
 * The parser's cursor over the token list, and the grammar entry points that the parts of the
 * parser (expressions, resources, definitions) call on one another.
 */
import type { Expression, LambdaExpression, LiteralHash, LiteralList, Span } from './ast.js';
import { PuppetNestingError, PuppetSyntaxError } from './errors.js';
import { describeToken, type Token, type TokenKind } from './tokens.js';

/** Brackets, blocks, operators and selectors inside one another, as the parser recurses into them. */
export const MAX_PUPPET_NESTING = 200;

export class TokenStream {
  private index = 0;
  private depth = 0;
  private readonly eof: Token;

  constructor(private readonly tokens: Token[]) {
    this.eof = tokens[tokens.length - 1] ?? { kind: 'EOF', value: '', start: 0, end: 0 };
  }

  peek(ahead = 0): Token {
    return this.tokens[this.index + ahead] ?? this.eof;
  }

  current(): TokenKind {
    return this.peek().kind;
  }

  at(kind: TokenKind): boolean {
    return this.peek().kind === kind;
  }

  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  accept(kind: TokenKind): Token | undefined {
    return this.at(kind) ? this.next() : undefined;
  }

  expect(kind: TokenKind, what: string): Token {
    if (!this.at(kind)) this.fail(`expected ${what}`);
    return this.next();
  }

  /** A syntax error at the current token (or at `at`), naming what was found there. */
  fail(expected: string, at: Span = this.peek()): never {
    const token = this.peek();
    const found = at === token ? `, found ${describeToken(token)}` : '';
    throw new PuppetSyntaxError(`${expected}${found}`, at.start);
  }

  /** Guards the parser's recursion against hostile nesting. */
  enter(): void {
    this.depth += 1;
    if (this.depth > MAX_PUPPET_NESTING)
      throw new PuppetNestingError(
        `nesting deeper than ${MAX_PUPPET_NESTING} levels is not analysed`,
        this.peek().start,
      );
  }

  leave(): void {
    this.depth -= 1;
  }
}

/** What the parts of the parser need from one another. */
export interface Grammar {
  readonly stream: TokenStream;
  /** names of the enclosing classes, which prefix the names of nested classes and defines */
  readonly namespace: string[];
  statements(): Expression[];
  /** a block's statements up to its `}`, or undefined when the block is empty */
  optionalStatements(): Expression[] | undefined;
  transformCalls(statements: (Expression | Expression[])[]): Expression[];
  assignment(): Expression;
  expression(): Expression;
  /** the arguments of `[...]` or a call: expressions, and `k => v` pairs gathered into a hash */
  arguments(close: TokenKind): Expression[];
  hash(): LiteralHash;
  array(): LiteralList;
  lambda(): LambdaExpression;
  dqString(): Expression;
  heredoc(): Expression;
}
