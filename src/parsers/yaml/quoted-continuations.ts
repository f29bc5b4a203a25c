/**
 * Multi-line quoted scalars as Ansible reads them.
 *
 * PyYAML and libyaml, which Ansible loads YAML with, read a single- or double-quoted scalar up
 * to its closing quote whatever the indentation of its continuation lines: a line indented
 * with a tab, or with fewer spaces than the key, continues the scalar. YAML 1.2, which the
 * `yaml` lexer follows, ends the scalar at such a line and reports a missing quote. Real role
 * defaults wrap long quoted descriptions that way, so a quoted scalar the lexer ended before
 * its closing quote has its continuation lines re-indented with spaces and the text is read
 * again. Only whitespace at the start of those lines changes, which PyYAML folds away too, so
 * the values are the ones Ansible sees; lines keep their numbers, and the columns of the edited
 * lines are mapped back (`EditedLine`).
 */
import type { CST } from 'yaml';
import { tokensOfType } from './cst-tokens.js';

/** A line whose leading whitespace was replaced: what it was and what it became. */
export interface EditedLine {
  /** 1-based line number, the same in the edited and the original text */
  line: number;
  originalIndent: number;
  newIndent: number;
}

export interface Reindented {
  text: string;
  edited: EditedLine[];
}

const QUOTED_SCALARS: ReadonlySet<string> = new Set([
  'single-quoted-scalar',
  'double-quoted-scalar',
]);

/** The fields of concrete-syntax-tree tokens that can hold further tokens. */

/**
 * Re-indents the continuation lines of the first quoted scalar that the lexer ended before the
 * quote PyYAML would close it with; undefined when there is none, or when PyYAML would not
 * close it either (a document marker or the end of the file comes first).
 */
export function reindentCutShortScalar(
  text: string,
  tokens: readonly CST.Token[],
): Reindented | undefined {
  for (const scalar of quotedScalars(tokens)) {
    const close = closingQuote(text, scalar.offset);
    if (close === undefined) return undefined;
    if (close + 1 === scalar.offset + scalar.source.length) continue;
    return reindent(text, scalar.offset, close);
  }
  return undefined;
}

/** Quoted scalar tokens in source order. */
function quotedScalars(tokens: readonly CST.Token[]): Array<{ offset: number; source: string }> {
  return tokensOfType(tokens, QUOTED_SCALARS).sort((a, b) => a.offset - b.offset);
}

/**
 * Where PyYAML closes the quoted scalar opening at `start`: the next `'` that is not doubled,
 * or the next `"` that no backslash escapes. Undefined when a line starting with a document
 * marker (`---`, `...`) or the end of the text comes first: PyYAML rejects the file then.
 */
export function closingQuote(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '\n' && startsWithDocumentMarker(text, index + 1)) return undefined;
    if (quote === "'" && char === "'") {
      if (text[index + 1] !== "'") return index;
      index++;
    } else if (quote === '"' && char === '\\') {
      index++;
    } else if (quote === '"' && char === '"') {
      return index;
    }
  }
  return undefined;
}

function startsWithDocumentMarker(text: string, offset: number): boolean {
  const marker = text.slice(offset, offset + 3);
  return (marker === '---' || marker === '...') && /^[\s]?$/.test(text[offset + 3] ?? '');
}

/**
 * The lines after the scalar's first line, up to the one holding the closing quote, start with
 * spaces to one column past the scalar's opening quote (always deeper than its parent node);
 * lines that hold only whitespace become empty, as PyYAML reads them.
 */
function reindent(text: string, open: number, close: number): Reindented {
  const lineStart = text.lastIndexOf('\n', open) + 1;
  const indent = ' '.repeat(open - lineStart + 1);
  const firstLine = lineNumberAt(text, open);
  const edited: EditedLine[] = [];
  let result = text.slice(0, open);
  let cursor = open;
  let line = firstLine;
  for (
    let newline = text.indexOf('\n', cursor);
    newline !== -1 && newline < close;
    newline = text.indexOf('\n', cursor)
  ) {
    result += text.slice(cursor, newline + 1);
    line += 1;
    const contentStart = skipBlanks(text, newline + 1);
    const blank =
      contentStart >= text.length || text[contentStart] === '\n' || text[contentStart] === '\r';
    const newIndent = blank ? '' : indent;
    edited.push({
      line,
      originalIndent: contentStart - (newline + 1),
      newIndent: newIndent.length,
    });
    result += newIndent;
    cursor = contentStart;
  }
  return { text: result + text.slice(cursor), edited };
}

function skipBlanks(text: string, offset: number): number {
  let index = offset;
  while (text[index] === ' ' || text[index] === '\t') index++;
  return index;
}

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  )
    line++;
  return line;
}

/** A 1-based column of the edited text on an edited line, as a column of the original line. */
export function originalColumn(column: number, edit: EditedLine): number {
  if (column > edit.newIndent) return column - edit.newIndent + edit.originalIndent;
  return Math.min(column, edit.originalIndent + 1);
}
