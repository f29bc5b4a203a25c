/**
 * Puppet's lexer, rule for rule: the same tokens, the same context-dependent choices (`[` after
 * blank is LISTSTART, `(` first on a line is WSLPAREN, `{` after `?` is SELBRACE, `/` is a
 * regex only where an operand may start), strings split into DQPRE/DQMID/DQPOST around their
 * interpolations, and heredocs read from the lines after the one that opens them.
 */
import { DQ_ESCAPES, InvalidEscapeError, decodeEscapes, decodeSingleQuoted } from './escapes.js';
import { HeredocError, readHeader, readText, type HeredocHeader } from './heredoc.js';
import { PuppetNestingError, PuppetSyntaxError } from './errors.js';
import { KEYWORDS, isKeyword, regexAcceptableAfter, type Token, type TokenKind } from './tokens.js';

export interface CommentSpan {
  text: string;
  start: number;
  end: number;
}

export interface LexResult {
  /** the tokens, ending with EOF (at the lexical error, if there is one) */
  tokens: Token[];
  comments: CommentSpan[];
  /**
   * Puppet lexes as it parses, so a syntax error before a lexical error is the one it reports:
   * the caller parses the tokens read so far and decides which error comes first.
   */
  error?: PuppetSyntaxError;
}

/** How the text of a string or heredoc is cut into literal parts and interpolations. */
type TextMode =
  /** a double-quoted string: ends at `"`, `\$` is an escaped dollar */
  | 'dq'
  /** a `@("TAG")` heredoc with `$` among its escapes */
  | 'uq'
  /** a `@("TAG")` heredoc where every `$` starts an interpolation */
  | 'uq-no-escape'
  /** a `@(TAG)` heredoc: no interpolation */
  | 'all';

const BARE_WORD = /(?:(?:::)?[a-z_](?:[\w-]*\w)?)+/y;
const NAME = /^(?:::)?[a-z]\w*(?:::[a-z]\w*)*$/;
const CLASSREF = /(?:(?:::)?[A-Z]\w*)+/y;
const DOLLAR_VARIABLE = /\$(?:::)?(?:\w+::)*\w+/y;
const INTERPOLATED_VARIABLE = /(?:::)?(?:\w+::)*\w+/y;
const NUMBER = /\b(?:0[xX][0-9A-Fa-f]+|0?\d+(?:\.\d+)?(?:[eE]-?\d+)?)\b/y;
const REGEX = /\/[^/]*\//y;
const BLANKS = /[\t\r\p{Zs}]+/uy;
const BLANK_CHAR = /[\t\r\n\p{Zs}]/u;

/** The characters `Lexer.operator` reads. */
const OPERATOR_START = new Set('.,[]();?*%{}@|=+-!~/<>:');

const MAX_SOURCE_LENGTH = 4 * 1024 * 1024;
const MAX_INTERPOLATION_DEPTH = 100;

export function lex(source: string): LexResult {
  const tokens: Token[] = [];
  const comments: CommentSpan[] = [];
  const refusal =
    source.length > MAX_SOURCE_LENGTH
      ? `the file is larger than ${MAX_SOURCE_LENGTH} characters`
      : source.startsWith('\uFEFF')
        ? 'illegal UTF-8 byte order mark at the beginning of the input'
        : undefined;
  if (refusal) {
    tokens.push({ kind: 'EOF', value: '', start: 0, end: 0 });
    return { tokens, comments, error: new PuppetSyntaxError(refusal, 0) };
  }
  try {
    new Lexer(source, tokens, comments, (offset) => offset).run();
  } catch (error) {
    if (!(error instanceof PuppetSyntaxError)) throw error;
    tokens.push({ kind: 'EOF', value: '', start: error.offset, end: error.offset });
    return { tokens, comments, error };
  }
  tokens.push({ kind: 'EOF', value: '', start: source.length, end: source.length });
  return { tokens, comments };
}

class Lexer {
  private pos = 0;
  private after: TokenKind | undefined;
  /** whether anything but blanks precedes the current position on its line */
  private lineHasText = false;
  /** after a heredoc: where lexing resumes at the end of the line that opened it */
  private newlineJump: number | undefined;

  constructor(
    private readonly src: string,
    private readonly out: Token[],
    private readonly comments: CommentSpan[],
    private readonly toGlobal: (offset: number) => number,
    /** how many interpolations enclose this lexer's text */
    private nesting = 0,
  ) {}

  run(): void {
    while (this.pos < this.src.length) this.lexToken();
  }

  /**
   * Lexes at the current position; returns the (first) token it produced, if any. Blanks,
   * names, variables and strings, most of a manifest, are read here and operators by
   * `operator`: V8 optimises a function once it has run a number of times that grows with its
   * size, and one function for every character stayed unoptimised through most of a run.
   */
  private lexToken(): Token | undefined {
    const src = this.src;
    const at = this.pos;
    const ch = src[at] as string;
    switch (ch) {
      case ' ':
      case '\t':
      case '\r':
        this.skipBlanks();
        return undefined;
      case '\n':
        if (this.newlineJump !== undefined) {
          this.pos = this.newlineJump;
          this.newlineJump = undefined;
        } else {
          this.pos = at + 1;
        }
        this.lineHasText = false;
        return undefined;
      case '#':
        this.lineComment(at);
        return undefined;
      case '$':
        return this.dollarVariable();
      case '"':
        this.pos = at + 1;
        return this.text('dq', at, DQ_ESCAPES);
      case "'":
        return this.singleQuoted();
      default:
        return OPERATOR_START.has(ch) ? this.operator(ch, src[at + 1]) : this.other(ch);
    }
  }

  private lineComment(at: number): void {
    const src = this.src;
    const newline = src.indexOf('\n', at);
    const end = newline < 0 ? src.length : newline;
    this.comments.push({
      text: src.slice(at + 1, end).trim(),
      start: this.toGlobal(at),
      end: this.toGlobal(end),
    });
    this.lineHasText = true;
    this.pos = end;
  }

  /** Punctuation and operators, from `OPERATOR_START`. */
  private operator(ch: string, next: string | undefined): Token | undefined {
    const src = this.src;
    const at = this.pos;
    switch (ch) {
      case '.':
        return this.emit('DOT', 1);
      case ',':
        return this.emit('COMMA', 1);
      case '[':
        return this.emit(
          at === 0 || BLANK_CHAR.test(src[at - 1] as string) ? 'LISTSTART' : 'LBRACK',
          1,
        );
      case ']':
        return this.emit('RBRACK', 1);
      case '(':
        return this.emit(this.lineHasText ? 'LPAREN' : 'WSLPAREN', 1);
      case ')':
        return this.emit('RPAREN', 1);
      case ';':
        return this.emit('SEMIC', 1);
      case '?':
        return this.emit('QMARK', 1);
      case '*':
        return this.emit('TIMES', 1);
      case '%':
        return this.emit('MODULO', 1);
      case '{':
        return this.emit(this.after === 'QMARK' ? 'SELBRACE' : 'LBRACE', 1);
      case '}':
        return this.emit('RBRACE', 1);
      case '@':
        if (next === '@') return this.emit('ATAT', 2);
        if (next === '(') return this.heredoc();
        return this.emit('AT', 1);
      case '|':
        if (next === '>')
          return src[at + 2] === '>' ? this.emit('RRCOLLECT', 3) : this.emit('RCOLLECT', 2);
        return this.emit('PIPE', 1);
      case '=':
        if (next === '=') return this.emit('ISEQUAL', 2);
        if (next === '>') return this.emit('FARROW', 2);
        if (next === '~') return this.emit('MATCH', 2);
        return this.emit('EQUALS', 1);
      case '+':
        if (next === '=') return this.emit('APPENDS', 2);
        if (next === '>') return this.emit('PARROW', 2);
        return this.emit('PLUS', 1);
      case '-':
        if (next === '>') return this.emit('IN_EDGE', 2);
        if (next === '=') return this.emit('DELETES', 2);
        return this.emit('MINUS', 1);
      case '!':
        if (next === '=') return this.emit('NOTEQUAL', 2);
        if (next === '~') return this.emit('NOMATCH', 2);
        return this.emit('NOT', 1);
      case '~':
        return next === '>' ? this.emit('IN_EDGE_SUB', 2) : this.emit('TILDE', 1);
      case '/':
        return this.slash();
      case '<':
        if (next === '<')
          return src[at + 2] === '|' ? this.emit('LLCOLLECT', 3) : this.emit('LSHIFT', 2);
        if (next === '=') return this.emit('LESSEQUAL', 2);
        if (next === '|') return this.emit('LCOLLECT', 2);
        if (next === '-') return this.emit('OUT_EDGE', 2);
        if (next === '~') return this.emit('OUT_EDGE_SUB', 2);
        return this.emit('LESSTHAN', 1);
      case '>':
        if (next === '>') return this.emit('RSHIFT', 2);
        if (next === '=') return this.emit('GREATEREQUAL', 2);
        return this.emit('GREATERTHAN', 1);
      case ':':
        return next === ':' ? this.qualified() : this.emit('COLON', 1);
      default:
        return this.other(ch);
    }
  }

  private other(ch: string): Token | undefined {
    const code = ch.charCodeAt(0);
    if (code >= 0x30 && code <= 0x39) return this.number();
    if ((code >= 0x61 && code <= 0x7a) || code === 0x5f) return this.word();
    if (code >= 0x41 && code <= 0x5a) return this.classReference();
    if (this.skipBlanks()) return undefined;
    return this.emit('OTHER', ch.length);
  }

  private emit(kind: TokenKind, length: number, value?: string): Token {
    const start = this.pos;
    this.pos = start + length;
    return this.push(kind, value ?? this.src.slice(start, this.pos), start, this.pos);
  }

  private push(kind: TokenKind, value: string, start: number, end: number): Token {
    const token: Token = { kind, value, start: this.toGlobal(start), end: this.toGlobal(end) };
    this.out.push(token);
    this.after = kind;
    this.lineHasText = true;
    return token;
  }

  private fail(message: string, at: number = this.pos): never {
    throw new PuppetSyntaxError(message, this.toGlobal(at));
  }

  private skipBlanks(): boolean {
    BLANKS.lastIndex = this.pos;
    if (!BLANKS.test(this.src)) return false;
    this.pos = BLANKS.lastIndex;
    return true;
  }

  private word(): Token {
    const start = this.pos;
    BARE_WORD.lastIndex = start;
    const match = BARE_WORD.exec(this.src);
    if (!match) return this.fail('illegal name or bare word', start);
    const text = match[0];
    this.pos = start + text.length;
    if (!NAME.test(text)) return this.push('WORD', text, start, this.pos);
    return this.push(KEYWORDS.get(text) ?? 'NAME', text, start, this.pos);
  }

  /** Puppet reports a bad reference just past the part it accepted (`X` or `::X`). */
  private classReference(fullyQualified = false): Token {
    const start = this.pos;
    CLASSREF.lastIndex = start;
    const match = CLASSREF.exec(this.src);
    if (!match || this.src.startsWith('::', start + match[0].length)) {
      const accepted = start + (match?.[0].length ?? 0);
      return fullyQualified
        ? this.fail('illegal fully qualified class reference', accepted + 3)
        : this.fail('illegal class reference', accepted + 1);
    }
    this.pos = start + match[0].length;
    return this.push('CLASSREF', match[0], start, this.pos);
  }

  /** `::Name` or `::name`: a fully qualified reference or name. */
  private qualified(): Token {
    const start = this.pos;
    const third = this.src.charCodeAt(start + 2);
    if (third >= 0x41 && third <= 0x5a) return this.classReference(true);
    BARE_WORD.lastIndex = start;
    const match = BARE_WORD.exec(this.src);
    if (!match) return this.fail('illegal fully qualified name', start + 2);
    this.pos = start + match[0].length;
    return this.push(NAME.test(match[0]) ? 'NAME' : 'WORD', match[0], start, this.pos);
  }

  private dollarVariable(): Token {
    const start = this.pos;
    DOLLAR_VARIABLE.lastIndex = start;
    const match = DOLLAR_VARIABLE.exec(this.src);
    if (!match) return this.emit('VARIABLE', 1, '');
    this.pos = start + match[0].length;
    return this.push('VARIABLE', match[0].slice(1), start, this.pos);
  }

  private number(): Token {
    const start = this.pos;
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.src);
    const text = match?.[0] ?? /^\w+/.exec(this.src.slice(start, start + 64))?.[0] ?? '';
    if (/^0[xX]/.test(text)) {
      if (!/^0[xX][0-9A-Fa-f]+$/.test(text)) this.fail(`not a valid hex number ${text}`, start);
    } else if (/^0[^.]/.test(text)) {
      if (!/^0[0-7]+$/.test(text)) this.fail(`not a valid octal number ${text}`, start);
    } else if (/^\d+[eE.]/.test(text)) {
      if (!/^\d+(?:\.\d+)?(?:[eE]-?\d+)?$/.test(text))
        this.fail(`not a valid decimal number ${text}`, start);
    } else if (!/^\d+$/.test(text)) {
      this.fail(`illegal number '${text}'`, start);
    }
    if (!match) this.fail(`illegal number '${text}'`, start);
    this.pos = start + text.length;
    return this.push('NUMBER', text, start, this.pos);
  }

  private slash(): Token | undefined {
    const src = this.src;
    const start = this.pos;
    if (src[start + 1] === '*') {
      const close = src.indexOf('*/', start + 2);
      if (close < 0) this.fail('unclosed multi-line comment', start);
      this.comments.push({
        text: src.slice(start + 2, close).trim(),
        start: this.toGlobal(start),
        end: this.toGlobal(close + 2),
      });
      this.lineHasText = true;
      this.pos = close + 2;
      return undefined;
    }
    if (!regexAcceptableAfter(this.after)) return this.emit('DIV', 1);
    REGEX.lastIndex = start;
    const match = REGEX.exec(src);
    if (!match) return this.emit('DIV', 1);
    let end = start + match[0].length;
    while (endsWithEscapedSlash(src, start, end)) {
      const more = src.indexOf('/', end);
      if (more < 0) return this.emit('DIV', 1);
      end = more + 1;
    }
    this.pos = end;
    return this.push('REGEX', src.slice(start + 1, end - 1).replace(/\\\//g, '/'), start, end);
  }

  private singleQuoted(): Token {
    const src = this.src;
    const start = this.pos;
    let at = start + 1;
    for (;;) {
      const ch = src[at];
      if (ch === undefined)
        this.fail(`unclosed quote after "'" followed by '${followedBy(src, start + 1)}'`, start);
      if (ch === '\\') at += 2;
      else if (ch === "'") break;
      else at += 1;
    }
    this.pos = at + 1;
    return this.push('STRING', decodeSingleQuoted(src.slice(start + 1, at)), start, this.pos);
  }

  /**
   * The text of a string or heredoc from the current position: a STRING token when it has no
   * interpolation, else DQPRE, the interpolated expressions' tokens, DQMID..., DQPOST.
   */
  private text(mode: TextMode, start: number, escapes: ReadonlySet<string>): Token {
    const first = this.out.length;
    let segmentStart = start;
    let literal = '';
    let interpolated = false;
    for (;;) {
      const chunk = this.slurp(mode, start);
      literal += this.decode(chunk.raw, escapes, chunk.rawStart);
      if (chunk.terminator === 'end') {
        this.push(interpolated ? 'DQPOST' : 'STRING', literal, segmentStart, this.pos);
        return this.out[first] as Token;
      }
      if (chunk.terminator === '$') {
        INTERPOLATED_VARIABLE.lastIndex = this.pos;
        const variable = INTERPOLATED_VARIABLE.exec(this.src);
        if (!variable) {
          literal += '$';
          continue;
        }
        this.push(interpolated ? 'DQMID' : 'DQPRE', literal, segmentStart, chunk.terminatorStart);
        this.pos += variable[0].length;
        this.push('VARIABLE', variable[0], chunk.terminatorStart, this.pos);
      } else {
        this.push(interpolated ? 'DQMID' : 'DQPRE', literal, segmentStart, chunk.terminatorStart);
        this.interpolation(start);
      }
      interpolated = true;
      literal = '';
      segmentStart = this.pos;
    }
  }

  /** Reads up to the next interpolation or the end of the text. */
  private slurp(
    mode: TextMode,
    textStart: number,
  ): { raw: string; rawStart: number; terminator: 'end' | '$' | '${'; terminatorStart: number } {
    const src = this.src;
    const rawStart = this.pos;
    if (mode === 'all') {
      this.pos = src.length;
      return { raw: src.slice(rawStart), rawStart, terminator: 'end', terminatorStart: src.length };
    }
    let at = rawStart;
    for (;;) {
      const ch = src[at];
      if (ch === undefined) {
        if (mode === 'dq')
          this.fail(
            `unclosed quote after '"' followed by '${followedBy(src, textStart + 1)}'`,
            textStart,
          );
        this.pos = at;
        return { raw: src.slice(rawStart, at), rawStart, terminator: 'end', terminatorStart: at };
      }
      if (ch === '\\' && mode !== 'uq-no-escape') {
        at += 2;
      } else if (ch === '"' && mode === 'dq') {
        this.pos = at + 1;
        return { raw: src.slice(rawStart, at), rawStart, terminator: 'end', terminatorStart: at };
      } else if (ch === '$') {
        const braced = src[at + 1] === '{';
        this.pos = at + (braced ? 2 : 1);
        return {
          raw: src.slice(rawStart, at),
          rawStart,
          terminator: braced ? '${' : '$',
          terminatorStart: at,
        };
      } else {
        at += 1;
      }
    }
  }

  private decode(raw: string, escapes: ReadonlySet<string>, at: number): string {
    try {
      return decodeEscapes(raw, escapes);
    } catch (error) {
      if (error instanceof InvalidEscapeError) this.fail(error.message, at);
      throw error;
    }
  }

  /**
   * The tokens of `${ ... }` up to its balancing `}`. A lone name, number or keyword (`${x}`),
   * or one followed by `[` or `.` (`${x['k']}`), is read as a variable, as Puppet does.
   */
  private interpolation(textStart: number): void {
    this.nesting += 1;
    if (this.nesting > MAX_INTERPOLATION_DEPTH) {
      throw new PuppetNestingError(
        `interpolations nested deeper than ${MAX_INTERPOLATION_DEPTH} levels are not analysed`,
        this.toGlobal(this.pos),
      );
    }
    this.lexInterpolation(textStart);
    this.nesting -= 1;
  }

  private lexInterpolation(textStart: number): void {
    const first = this.out.length;
    let depth = 0;
    for (;;) {
      if (this.pos >= this.src.length)
        this.fail(
          `unclosed quote after '"' followed by '${followedBy(this.src, textStart + 1)}'`,
          textStart,
        );
      const token = this.lexToken();
      if (!token) continue;
      if (token.kind === 'LBRACE' || token.kind === 'SELBRACE') depth += 1;
      else if (token.kind === 'RBRACE') {
        if (depth === 0) {
          this.out.pop();
          break;
        }
        depth -= 1;
      }
    }
    const count = this.out.length - first;
    const second = this.out[first + 1];
    if (count === 1 || (count > 1 && (second?.kind === 'DOT' || second?.kind === 'LBRACK'))) {
      const head = this.out[first] as Token;
      if (
        head.kind === 'NUMBER' ||
        head.kind === 'NAME' ||
        head.kind === 'WORD' ||
        head.kind === 'BOOLEAN' ||
        isKeyword(head.kind)
      ) {
        if (head.kind === 'BOOLEAN') head.booleanName = true;
        head.kind = 'VARIABLE';
      }
    }
  }

  private heredoc(): Token {
    const src = this.src;
    const start = this.pos;
    let header: HeredocHeader;
    try {
      header = readHeader(src, start);
    } catch (error) {
      if (error instanceof HeredocError) this.fail(error.message, start);
      throw error;
    }
    let bodyStart = this.newlineJump;
    if (bodyStart === undefined) {
      const newline = src.indexOf('\n', header.end);
      if (newline < 0) this.fail('heredoc without any following lines of text', start);
      bodyStart = newline + 1;
    }
    const text = readText(src, bodyStart, header.endTag);
    if (!text) return this.fail('heredoc without end-tagged line', start);
    this.newlineJump = text.resume;
    const token = this.push('HEREDOC', header.syntax, start, header.end);
    token.body = { start: this.toGlobal(text.body.start), end: this.toGlobal(text.body.end) };
    // The text gets a lexer of its own, whose offsets map back through the margins.
    const sub = new Lexer(
      text.text,
      this.out,
      this.comments,
      (offset) => this.toGlobal(text.toSource(offset)),
      this.nesting + 1,
    );
    const mode: TextMode = !header.interpolate
      ? 'all'
      : header.escapes.has('$')
        ? 'uq'
        : 'uq-no-escape';
    sub.text(mode, 0, header.escapes);
    this.after = this.out[this.out.length - 1]?.kind;
    this.pos = header.end;
    return token;
  }
}

/** Whether a regex candidate `/.../` ends in an escaped slash, so the regex goes on. */
function endsWithEscapedSlash(src: string, start: number, end: number): boolean {
  if (src[end - 2] !== '\\') return false;
  let backslashes = 0;
  for (let at = end - 2; at > start && src[at] === '\\'; at -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

function followedBy(src: string, at: number): string {
  if (at >= src.length) return '<eof>';
  return `${src
    .slice(at, at + 5)
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')}...`;
}
