/**
 * `directive args;` and blocks `name args { ... }` nested to any depth, `#` comments (nginx).
 * A directive's value stops before its `;`. The section is the path of the open blocks:
 * `http > server > location /`. Quoted strings and interpolations (`{{ x }}`, `${x}`, `#{x}`)
 * are read whole, so that their braces open and close nothing. A line may hold several
 * statements (`location /a { deny all; }`); the first directive on it is the line's.
 */
import type { LineReading, SyntaxReaderFactory } from './syntax.js';

const NAME = /^[A-Za-z_][\w.-]*$/;

interface Statement {
  /** offsets of the statement's text in the line, its terminator excluded */
  from: number;
  to: number;
  /** what ends it: `;`, a block opening or closing, or the end of the line */
  end: ';' | '{' | '}' | '';
}

/** The offset just past the quote that closes the string opening at `at`. */
function afterQuote(text: string, at: number): number {
  const quote = text[at];
  for (let index = at + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === quote) return index + 1;
  }
  return text.length;
}

/** The offset just past the `}` that closes the brace opening at `at`. */
function afterBrace(text: string, at: number): number {
  let depth = 0;
  for (let index = at; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return text.length;
}

/** The statements of one line, up to a comment. */
function statementsOf(text: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  let index = 0;
  let end = text.length;
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    if (char === '"' || char === "'") {
      index = afterQuote(text, index);
      continue;
    }
    if ((char === '$' || char === '#' || char === '{') && next === '{') {
      index = afterBrace(text, char === '{' ? index : index + 1);
      continue;
    }
    if (char === '#' && (index === 0 || /[\s;{}]/.test(text[index - 1] ?? ''))) {
      end = index;
      break;
    }
    if (char === ';' || char === '{' || char === '}') {
      statements.push({ from: start, to: index, end: char });
      start = index + 1;
    }
    index += 1;
  }
  if (text.slice(start, end).trim() !== '') statements.push({ from: start, to: end, end: '' });
  return statements;
}

export const bracesReader: SyntaxReaderFactory = () => {
  const blocks: string[] = [];
  /** the section the directives read so far were given */
  let given = '';
  /** a statement that ended its line unterminated: the name of a block whose `{` is on the next */
  let pending: string | undefined;
  const path = () => blocks.join(' > ');

  return {
    read(text) {
      const reading: LineReading = {};
      for (const { from, to, end } of statementsOf(text)) {
        const body = text.slice(from, to);
        const words = body.trim().replace(/\s+/g, ' ');
        if (end === '{') {
          blocks.push(words || pending || '{');
          pending = undefined;
          continue;
        }
        pending = undefined;
        if (end === '}' && words === '') {
          blocks.pop();
          continue;
        }
        if (end === '' && words !== '') pending = words;
        if (!reading.directive) {
          const name = /^\s*(\S+)/.exec(body)?.[1] ?? '';
          const valueText = body.slice(body.indexOf(name) + name.length);
          const value = valueText.trim();
          if (NAME.test(name) && value !== '') {
            const valueFrom = from + body.indexOf(name) + name.length + valueText.indexOf(value);
            reading.directive = { name, valueFrom, valueTo: valueFrom + value.length };
            if (path() !== given) {
              given = path();
              reading.section = given || null;
            }
          }
        }
        if (end === '}') blocks.pop();
      }
      // A line that only opens or closes blocks gives the following lines their section; one
      // with a directive leaves the change to the next line.
      if (!reading.directive && path() !== given) {
        given = path();
        reading.section = given || null;
      }
      return reading;
    },
  };
};
