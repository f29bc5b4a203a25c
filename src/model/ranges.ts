/** Comparing source ranges. */
import type { SourceRange } from './model.js';

/** Whether `inner` lies within `outer`, to the column: a task within its block or play. */
export function encloses(outer: SourceRange, inner: SourceRange): boolean {
  const startsBefore =
    outer.line < inner.line || (outer.line === inner.line && outer.column <= inner.column);
  const endsAfter =
    outer.endLine > inner.endLine ||
    (outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn);
  return startsBefore && endsAfter;
}

/** Whether two ranges are the same, to the column. */
export function sameRange(a: SourceRange, b: SourceRange): boolean {
  return (
    a.line === b.line &&
    a.column === b.column &&
    a.endLine === b.endLine &&
    a.endColumn === b.endColumn
  );
}
