/** Offsets into a file's text → 1-based line and column ranges (end column exclusive). */
import type { SourceRange } from '../../model/model.js';

export class Positions {
  private readonly lineStarts: number[] = [0];

  constructor(source: string) {
    for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1))
      this.lineStarts.push(index + 1);
  }

  /** The 0-based line holding `offset`. */
  private lineIndex(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  line(offset: number): number {
    return this.lineIndex(offset) + 1;
  }

  range(start: number, end: number): SourceRange {
    const line = this.lineIndex(start);
    const endLine = this.lineIndex(end);
    return {
      line: line + 1,
      column: start - (this.lineStarts[line] as number) + 1,
      endLine: endLine + 1,
      endColumn: end - (this.lineStarts[endLine] as number) + 1,
    };
  }
}
