/**
 * Escape sequences in Puppet strings, decoded the way Puppet's lexer does it (including its
 * quirks: unknown escapes stay as written, `\u` needs exactly four hex digits or `{1-6}`).
 */

/** Escapes honoured in double-quoted strings; a backslash before a line break removes both. */
export const DQ_ESCAPES: ReadonlySet<string> = new Set([
  '\\',
  '$',
  "'",
  '"',
  'r',
  'n',
  't',
  's',
  'u',
  '\r\n',
  '\n',
]);

/** Escapes a heredoc may enable after `/` in its header; `L` stands for the line breaks. */
export const HEREDOC_ESCAPE_FLAGS = 'trnsuL$';

const UNICODE_ESCAPE = /((?:[^\\]|^)(?:\\{2})*)\\u(?:([\da-fA-F]{4})|\{([\da-fA-F]{1,6})\})/gm;
const ANY_ESCAPE = /\\([^\r\n]|\r?\n)/g;
const SINGLE_QUOTE_ESCAPE = /\\(\\|')/g;

export class InvalidEscapeError extends Error {}

export function decodeSingleQuoted(text: string): string {
  return text.includes('\\') ? text.replace(SINGLE_QUOTE_ESCAPE, '$1') : text;
}

export function decodeEscapes(text: string, escapes: ReadonlySet<string>): string {
  if (!text.includes('\\')) return text;
  let decoded = text;
  if (escapes.has('u')) {
    // Adjacent escapes overlap in one pass (each match eats the character before it), so repeat.
    for (;;) {
      const next = decoded.replace(
        UNICODE_ESCAPE,
        (_match, lead: string, four?: string, braced?: string) => {
          const codePoint = Number.parseInt(four ?? braced ?? '', 16);
          if (codePoint > 0x10ffff)
            throw new InvalidEscapeError(`\\u{${braced ?? ''}} is not a valid unicode character`);
          return lead + String.fromCodePoint(codePoint);
        },
      );
      if (next === decoded) break;
      decoded = next;
    }
  }
  return decoded.replace(ANY_ESCAPE, (match, escaped: string) => {
    if (!escapes.has(escaped)) return match;
    switch (escaped) {
      case 'r':
        return '\r';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 's':
        return ' ';
      case 'u':
        return '\\u';
      case '\n':
      case '\r\n':
        return '';
      default:
        return escaped;
    }
  });
}

/** The escapes a heredoc header's `/flags` turn on; `undefined` flags means none at all. */
export function heredocEscapes(flags: string | undefined): Set<string> {
  const escapes = new Set<string>();
  if (flags === undefined) return escapes;
  const letters = [...(flags.length === 0 ? HEREDOC_ESCAPE_FLAGS : flags)];
  if (new Set(letters).size !== letters.length) {
    throw new InvalidEscapeError(
      `the same escape is given more than once in heredoc flags '${flags}'`,
    );
  }
  escapes.add('\\');
  for (const letter of letters) {
    if (letter === 'L') {
      escapes.add('\n');
      escapes.add('\r\n');
    } else if ('trnsu$'.includes(letter)) {
      escapes.add(letter);
    } else {
      throw new InvalidEscapeError(`invalid heredoc escape '${letter}'`);
    }
  }
  return escapes;
}
