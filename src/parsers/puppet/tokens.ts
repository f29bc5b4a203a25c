/**
 * The tokens of the Puppet language, named as Puppet's own lexer names them so that the
 * grammar reads like Puppet's `egrammar.ra`.
 */

export type KeywordKind =
  | 'CASE'
  | 'CLASS'
  | 'DEFAULT'
  | 'DEFINE'
  | 'IF'
  | 'ELSIF'
  | 'ELSE'
  | 'INHERITS'
  | 'NODE'
  | 'AND'
  | 'OR'
  | 'UNDEF'
  | 'IN'
  | 'UNLESS'
  | 'FUNCTION'
  | 'TYPE'
  | 'ATTR'
  | 'PRIVATE';

export type TokenKind =
  | KeywordKind
  | 'BOOLEAN'
  | 'STRING'
  | 'WORD'
  | 'DQPRE'
  | 'DQMID'
  | 'DQPOST'
  | 'NAME'
  | 'CLASSREF'
  | 'VARIABLE'
  | 'NUMBER'
  | 'REGEX'
  | 'HEREDOC'
  | 'LBRACK'
  | 'LISTSTART'
  | 'RBRACK'
  | 'LBRACE'
  | 'SELBRACE'
  | 'RBRACE'
  | 'LPAREN'
  | 'WSLPAREN'
  | 'RPAREN'
  | 'EQUALS'
  | 'APPENDS'
  | 'DELETES'
  | 'ISEQUAL'
  | 'NOTEQUAL'
  | 'MATCH'
  | 'NOMATCH'
  | 'GREATEREQUAL'
  | 'GREATERTHAN'
  | 'LESSEQUAL'
  | 'LESSTHAN'
  | 'FARROW'
  | 'PARROW'
  | 'LSHIFT'
  | 'LLCOLLECT'
  | 'LCOLLECT'
  | 'RSHIFT'
  | 'RRCOLLECT'
  | 'RCOLLECT'
  | 'PLUS'
  | 'MINUS'
  | 'DIV'
  | 'TIMES'
  | 'MODULO'
  | 'NOT'
  | 'DOT'
  | 'PIPE'
  | 'AT'
  | 'ATAT'
  | 'COLON'
  | 'COMMA'
  | 'SEMIC'
  | 'QMARK'
  | 'TILDE'
  | 'IN_EDGE'
  | 'IN_EDGE_SUB'
  | 'OUT_EDGE'
  | 'OUT_EDGE_SUB'
  | 'OTHER'
  | 'EOF';

export interface Token {
  kind: TokenKind;
  /**
   * NAME, WORD, CLASSREF, keyword and punctuation: the text; VARIABLE: the name without `$`;
   * STRING and DQ parts: the decoded text; REGEX: the pattern; HEREDOC: the syntax (`json`).
   */
  value: string;
  /** offsets into the file's source, end exclusive */
  start: number;
  end: number;
  /** HEREDOC only: where the heredoc's text lines are in the source */
  body?: { start: number; end: number };
  /** a VARIABLE made of `true`/`false` inside `${}`, which Puppet names by the boolean itself */
  booleanName?: true;
}

export const KEYWORDS: ReadonlyMap<string, KeywordKind | 'BOOLEAN'> = new Map<
  string,
  KeywordKind | 'BOOLEAN'
>([
  ['case', 'CASE'],
  ['class', 'CLASS'],
  ['default', 'DEFAULT'],
  ['define', 'DEFINE'],
  ['if', 'IF'],
  ['elsif', 'ELSIF'],
  ['else', 'ELSE'],
  ['inherits', 'INHERITS'],
  ['node', 'NODE'],
  ['and', 'AND'],
  ['or', 'OR'],
  ['undef', 'UNDEF'],
  ['false', 'BOOLEAN'],
  ['true', 'BOOLEAN'],
  ['in', 'IN'],
  ['unless', 'UNLESS'],
  ['function', 'FUNCTION'],
  ['type', 'TYPE'],
  ['attr', 'ATTR'],
  ['private', 'PRIVATE'],
]);

const KEYWORD_KINDS = new Set<TokenKind>(
  [...KEYWORDS.values()].filter((kind) => kind !== 'BOOLEAN'),
);

export const isKeyword = (kind: TokenKind): kind is KeywordKind => KEYWORD_KINDS.has(kind);

/** Tokens after which a `/` starts a regular expression rather than a division. */
const DIVISION_CONTEXT = new Set<TokenKind>([
  'RPAREN',
  'RBRACK',
  'RRCOLLECT',
  'RCOLLECT',
  'NAME',
  'CLASSREF',
  'NUMBER',
  'STRING',
  'BOOLEAN',
  'DQPRE',
  'DQMID',
  'DQPOST',
  'HEREDOC',
  'REGEX',
  'VARIABLE',
  'WORD',
]);

export const regexAcceptableAfter = (kind: TokenKind | undefined): boolean =>
  kind === undefined || !DIVISION_CONTEXT.has(kind);

/** How a token is named in an error message. */
export function describeToken(token: Token): string {
  if (token.kind === 'EOF') return 'end of input';
  if (token.kind === 'VARIABLE') return `'$${token.value}'`;
  if (token.kind === 'STRING' || token.kind === 'DQPRE') return 'a string';
  if (token.kind === 'HEREDOC') return 'a heredoc';
  if (token.kind === 'REGEX') return `'/${token.value}/'`;
  return `'${token.value}'`;
}
