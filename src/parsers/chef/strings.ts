/**
 * Ruby string literals as Ruby reads them: escapes decoded, `<<~` heredocs dedented. A literal
 * with interpolation (`"#{x}/a"`) keeps its raw inner text and is marked dynamic.
 */
import type { SyntaxNode } from './syntax.js';

export interface StringReading {
  value: string;
  dynamic: boolean;
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  s: ' ',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
};

const DOUBLE_QUOTED_ESCAPE =
  /\\(u\{[0-9a-fA-F \t]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{1,2}|[0-7]{1,3}|\r?\n|[\s\S])/g;

/** Escapes of `"..."`, `%Q()`, `<<EOS` and `:"..."`. */
export function decodeDoubleQuoted(raw: string): string {
  return raw.replace(DOUBLE_QUOTED_ESCAPE, (_match, escape: string) => {
    const head = escape[0] ?? '';
    if (escape.startsWith('u{')) {
      return escape
        .slice(2, -1)
        .trim()
        .split(/[ \t]+/)
        .map((hex) => String.fromCodePoint(Number.parseInt(hex, 16)))
        .join('');
    }
    if (head === 'u' && escape.length === 5)
      return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    if (head === 'x' && escape.length > 1)
      return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    if (/^[0-7]+$/.test(escape)) return String.fromCharCode(Number.parseInt(escape, 8));
    if (head === '\n' || head === '\r') return '';
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}

/** `'...'` and `%q()`: only a backslash before a backslash or the delimiter is an escape. */
export function decodeSingleQuoted(raw: string, delimiters: string): string {
  return raw.replace(/\\([\s\S])/g, (match, next: string) =>
    next === '\\' || delimiters.includes(next) ? next : match,
  );
}

/** The delimiters that a `%q(`, `%w[` or `'` opening can escape. */
function delimitersOf(opening: string): string {
  const last = opening.slice(-1);
  return last + (CLOSING[last] ?? '');
}

function isSingleQuoted(opening: string): boolean {
  return (
    opening === "'" ||
    opening === ":'" ||
    opening.startsWith('%q') ||
    opening.startsWith('%w') ||
    opening.startsWith('%i') ||
    opening.startsWith('%s')
  );
}

function hasInterpolation(node: SyntaxNode): boolean {
  return node.namedChildren.some((child) => child?.type === 'interpolation');
}

/** A quoted literal (`string`, `delimited_symbol`): its delimiters are its first and last tokens. */
export function readQuoted(node: SyntaxNode, source: string): StringReading {
  const open = node.firstChild;
  const close = node.lastChild;
  if (!open || !close || open.isNamed || close.isNamed || node.childCount < 2) {
    return { value: node.text, dynamic: hasInterpolation(node) };
  }
  const raw = source.slice(open.endIndex, close.startIndex);
  if (hasInterpolation(node)) return { value: raw, dynamic: true };
  const value = isSingleQuoted(open.text)
    ? decodeSingleQuoted(raw, delimitersOf(open.text))
    : decodeDoubleQuoted(raw);
  return { value, dynamic: false };
}

/** A word of `%w(...)`, `%W(...)`, `%i(...)`; `opening` is the list's opening token. */
export function readWord(node: SyntaxNode, opening: string): StringReading {
  if (hasInterpolation(node)) return { value: node.text, dynamic: true };
  if (isSingleQuoted(opening))
    return {
      value: decodeSingleQuoted(node.text, `${delimitersOf(opening)} \t\n`),
      dynamic: false,
    };
  return { value: decodeDoubleQuoted(node.text), dynamic: false };
}

const HEREDOC_OPENING = /^<<([~-]?)(["'`]?)(.+)\2$/;

export interface HeredocStyle {
  squiggly: boolean;
  raw: boolean;
  command: boolean;
}

export function heredocStyle(beginning: string): HeredocStyle {
  const match = HEREDOC_OPENING.exec(beginning);
  return { squiggly: match?.[1] === '~', raw: match?.[2] === "'", command: match?.[2] === '`' };
}

/**
 * The content of a heredoc body: what lies between the end of the line that opened it and the
 * line that closes it. `bodyText` runs from the body node's start to its terminator's start.
 */
export function heredocContent(bodyText: string): string {
  const firstBreak = bodyText.indexOf('\n');
  const content = firstBreak < 0 ? '' : bodyText.slice(firstBreak + 1);
  return content.replace(/[ \t]*$/, '');
}

export function readHeredoc(
  style: HeredocStyle,
  content: string,
  interpolated: boolean,
): StringReading {
  if (interpolated && !style.raw) return { value: content, dynamic: true };
  const text = style.squiggly ? dedent(content) : content;
  return { value: style.raw ? text : decodeDoubleQuoted(text), dynamic: false };
}

/** `<<~`: remove the smallest indentation of the non-blank lines (a tab reaches the next multiple of 8). */
export function dedent(content: string): string {
  const lines = content.split('\n');
  const widths = lines.filter((line) => line.trim() !== '').map((line) => indentWidth(line));
  if (widths.length === 0) return content;
  const width = Math.min(...widths);
  return lines.map((line) => removeIndent(line, width)).join('\n');
}

function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width = (Math.floor(width / 8) + 1) * 8;
    else break;
  }
  return width;
}

function removeIndent(line: string, width: number): string {
  let removed = 0;
  let index = 0;
  while (index < line.length && removed < width) {
    const char = line[index];
    const next =
      char === '\t' ? (Math.floor(removed / 8) + 1) * 8 : char === ' ' ? removed + 1 : -1;
    if (next < 0 || next > width) break;
    removed = next;
    index += 1;
  }
  return line.slice(index);
}
