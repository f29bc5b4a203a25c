/**
 * Mechanical fixes on one line: replace the text a value occupies.
 */
import type { Suggestion } from '../../engine/finding.js';
import type { FileModel, Value } from '../../engine/model.js';

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
