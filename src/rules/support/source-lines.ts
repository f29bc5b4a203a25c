/**
 * Where in the source a value's text sits: the exact line of a match inside a multi-line
 * string, and mechanical one-line fixes.
 */
import type { Suggestion } from '../../model/finding.js';
import type { FileModel, SourceRange, Value } from '../../model/model.js';

/**
 * The source line inside a range where `pattern` matches (a `NOPASSWD: ALL` inside a
 * `content: |` block, a `TODO` inside a block comment), or the range itself when no single
 * line matches.
 */
export function rangeOfMatch(file: FileModel, range: SourceRange, pattern: RegExp): SourceRange {
  for (let line = range.line; line <= range.endLine; line++) {
    const text = file.lines[line - 1] ?? '';
    const match = pattern.exec(text);
    if (match)
      return {
        line,
        column: (match.index ?? 0) + 1,
        endLine: line,
        endColumn: (match.index ?? 0) + match[0].length + 1,
      };
  }
  return range;
}

/**
 * The value's line with the value replaced, when the value sits on one line exactly as
 * written (not inside a folded scalar or a `key=value` string).
 */
export function replaceValue(
  file: FileModel,
  value: Value,
  replacement: string,
): Suggestion | undefined {
  const { range } = value;
  if (range.line !== range.endLine) return undefined;
  const line = file.lines[range.line - 1];
  if (line === undefined || line.slice(range.column - 1, range.endColumn - 1) !== value.text)
    return undefined;
  const edited = line.slice(0, range.column - 1) + replacement + line.slice(range.endColumn - 1);
  return { line: range.line, endLine: range.line, replacement: edited };
}

/** Longest excerpt a message quotes; longer text is cut with an ellipsis. */
const QUOTE_LENGTH = 80;

/** Text as a message quotes it: in backticks, on one line, cut to a readable length. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const cut = oneLine.length > QUOTE_LENGTH ? `${oneLine.slice(0, QUOTE_LENGTH - 1)}…` : oneLine;
  return cut.includes('`') ? `\`\` ${cut} \`\`` : `\`${cut}\``;
}

/** The source text on the first line of a range, from its column to the range's end or the line's. */
export function firstLineOf(file: FileModel, range: SourceRange): string {
  const line = file.lines[range.line - 1] ?? '';
  return line.slice(
    range.column - 1,
    range.endLine === range.line ? range.endColumn - 1 : undefined,
  );
}

/**
 * Where a value itself sits, for a finding about it: its range when that is exactly the value
 * as written, else the value's text found within the first line of its range (the `12345` of a
 * free-form `password=12345`), else the range as it is.
 */
export function valueRange(file: FileModel, value: Value): SourceRange {
  const { range, text } = value;
  const line = file.lines[range.line - 1] ?? '';
  const end = range.endLine === range.line ? range.endColumn - 1 : line.length;
  const written = line.slice(range.column - 1, end);
  if (written === text || text === '') return range;
  const offset = written.lastIndexOf(text);
  if (offset < 0 || text.includes('\n')) return range;
  const column = range.column + offset;
  return { line: range.line, column, endLine: range.line, endColumn: column + text.length };
}

/**
 * Where `text` first appears inside a range (from the range's column on its first line), or
 * the range itself when it does not: the URL inside a value, the flag inside a command.
 */
export function rangeOfText(file: FileModel, range: SourceRange, text: string): SourceRange {
  if (text === '') return range;
  for (let line = range.line; line <= range.endLine; line++) {
    const from = line === range.line ? range.column - 1 : 0;
    const column = (file.lines[line - 1] ?? '').indexOf(text, from);
    if (column >= 0)
      return { line, column: column + 1, endLine: line, endColumn: column + 1 + text.length };
  }
  return range;
}
