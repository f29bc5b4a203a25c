import type { SourceRange } from '../model/model.js';

/**
 * The last line a range really covers. Ranges end at an exclusive column, so a range that stops
 * at column 1 of a line (a YAML block that runs to the next key) does not include that line.
 */
export function lastLineOf(range: SourceRange): number {
  return range.endLine > range.line && range.endColumn <= 1 ? range.endLine - 1 : range.endLine;
}
