/**
 * Where in the source a value's text sits: the exact line of a match inside a multi-line
 * string, and mechanical one-line fixes.
 */
import type { Suggestion } from '../../engine/finding.js';
import type { FileModel, SourceRange, Value } from '../../engine/model.js';

/**
 * The source line inside a range where `pattern` matches (a `NOPASSWD: ALL` inside a
 * `content: |` block, a `TODO` inside a block comment), or the range itself when no single
 * line matches.
 */
export function rangeOfMatch(file: FileModel, range: SourceRange, pattern: RegExp): SourceRange {
  for (let line = range.line; line <= range.endLine; line++) {
    const text = file.lines[line - 1] ?? '';
    const match = pattern.exec(text);
    if (match) return { line, column: (match.index ?? 0) + 1, endLine: line, endColumn: (match.index ?? 0) + match[0].length + 1 };
  }
  return range;
}

/**
 * The value's line with the value replaced, when the value sits on one line exactly as
 * written (not inside a folded scalar or a `key=value` string).
 */
export function replaceValue(file: FileModel, value: Value, replacement: string): Suggestion | undefined {
  const { range } = value;
  if (range.line !== range.endLine) return undefined;
  const line = file.lines[range.line - 1];
  if (line === undefined || line.slice(range.column - 1, range.endColumn - 1) !== value.text) return undefined;
  const edited = line.slice(0, range.column - 1) + replacement + line.slice(range.endColumn - 1);
  return { line: range.line, endLine: range.line, replacement: edited };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
