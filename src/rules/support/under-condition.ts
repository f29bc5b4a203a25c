/**
 * Whether an `if` or `case` of a file encloses a range, answered from an index built once per
 * file: a file of many resources, each in its own `if`, would otherwise compare every resource
 * with every condition.
 *
 * Some condition encloses a range exactly when, among the conditions that start at or before
 * it, the one that ends furthest ends at or after it. Sorted by start, the conditions that start
 * at or before a range are a prefix, so the furthest end of each prefix answers every range.
 */
import type { FileModel, SourceRange } from '../../model/model.js';

interface Position {
  line: number;
  column: number;
}

interface ConditionIndex {
  /** the starts of the file's `if` and `case` conditions, in order */
  starts: Position[];
  /** for each start, the furthest end of the conditions up to it */
  furthestEnds: Position[];
}

const indexes = new WeakMap<FileModel, ConditionIndex>();

/** Whether `range` lies within an `if` or `case` of the file, to the column. */
export function underCondition(file: FileModel, range: SourceRange): boolean {
  const { starts, furthestEnds } = indexOf(file);
  // The last condition that starts at or before the range.
  let low = 0;
  let high = starts.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (compare(starts[middle] as Position, { line: range.line, column: range.column }) <= 0) {
      last = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (last < 0) return false;
  const end = { line: range.endLine, column: range.endColumn };
  return compare(furthestEnds[last] as Position, end) >= 0;
}

function indexOf(file: FileModel): ConditionIndex {
  let index = indexes.get(file);
  if (!index) {
    const ranges = file.conditions
      .filter((condition) => condition.kind === 'if' || condition.kind === 'case')
      .map((condition) => condition.range)
      .sort((a, b) => compare(startOf(a), startOf(b)));
    const furthestEnds: Position[] = [];
    for (const range of ranges) {
      const end = { line: range.endLine, column: range.endColumn };
      const before = furthestEnds.at(-1);
      furthestEnds.push(before && compare(before, end) >= 0 ? before : end);
    }
    index = { starts: ranges.map(startOf), furthestEnds };
    indexes.set(file, index);
  }
  return index;
}

function startOf(range: SourceRange): Position {
  return { line: range.line, column: range.column };
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}
