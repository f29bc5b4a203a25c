/**
 * A template's lines as the host will see them, with each output expression written as the
 * deploying language's interpolation (`{{ x }}`, `${x}`, `#{x}`) instead of its value, and
 * every position traced back to the template's source. Statements and comments write
 * nothing; text inside a condition is marked conditional, text inside a loop is not.
 *
 * A plain file is the same with no tags: every line as it is.
 */
import type { SourceRange } from '../../model/model.js';
import type { TemplateTag } from './tags.js';

export interface RenderedLine {
  /** the line's text, expressions as interpolations */
  text: string;
  /** some of its text sits inside a condition of the template (a loop's body is rendered) */
  conditional: boolean;
  /** whether any of its text comes from an expression */
  templated: boolean;
  /** the source range of text[from, to) */
  rangeOf(from: number, to: number): SourceRange;
}

/** Writes one output expression in the deploying language; undefined to keep the tag as written. */
export type Interpolate = (code: string, written: string) => string;

interface Piece {
  /** offsets in the rendered text */
  from: number;
  to: number;
  /** offsets in the source */
  sourceFrom: number;
  sourceTo: number;
  /** an expression: any offset inside maps to the whole tag */
  expression: boolean;
  conditional: boolean;
}

export function renderLines(
  source: string,
  tags: readonly TemplateTag[],
  interpolate: Interpolate,
): RenderedLine[] {
  const { text, pieces } = render(source, tags, interpolate);
  const lineStarts = lineStartsOf(source);
  const lines: RenderedLine[] = [];
  let start = 0;
  let pieceIndex = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    while ((pieces[pieceIndex]?.to ?? Infinity) <= start) pieceIndex += 1;
    const own = piecesBetween(pieces, pieceIndex, start, end);
    if (own.length > 0 && text.slice(start, end).trim() !== '') {
      const lineStart = start;
      lines.push({
        text: text.slice(start, end),
        conditional: own.some((piece) => piece.conditional),
        templated: own.some((piece) => piece.expression),
        rangeOf: (from, to) =>
          rangeBetween(
            sourceOffset(own, lineStart + from, 'start'),
            sourceOffset(own, lineStart + Math.max(from, to), 'end'),
            lineStarts,
          ),
      });
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

function render(
  source: string,
  tags: readonly TemplateTag[],
  interpolate: Interpolate,
): { text: string; pieces: Piece[] } {
  const pieces: Piece[] = [];
  let text = '';
  /** the open blocks, true for a condition */
  const blocks: boolean[] = [];
  const inCondition = () => blocks.includes(true);
  let position = 0;
  const addText = (sourceFrom: number, sourceTo: number) => {
    if (sourceTo <= sourceFrom) return;
    const from = text.length;
    text += source.slice(sourceFrom, sourceTo);
    pieces.push({
      from,
      to: text.length,
      sourceFrom,
      sourceTo,
      expression: false,
      conditional: inCondition(),
    });
  };
  for (const tag of tags) {
    addText(position, tag.start);
    position = tag.end;
    if (tag.kind === 'output') {
      const from = text.length;
      text += interpolate(tag.code, source.slice(tag.start, tag.end));
      pieces.push({
        from,
        to: text.length,
        sourceFrom: tag.start,
        sourceTo: tag.end,
        expression: true,
        conditional: inCondition(),
      });
      continue;
    }
    if (tag.nesting === 'opens') blocks.push(tag.condition === true);
    else if (tag.nesting === 'closes') blocks.pop();
  }
  addText(position, source.length);
  return { text, pieces };
}

function piecesBetween(pieces: readonly Piece[], first: number, from: number, to: number): Piece[] {
  const found: Piece[] = [];
  for (let index = first; index < pieces.length; index += 1) {
    const piece = pieces[index];
    if (!piece || piece.from > to) break;
    if (piece.to > from) found.push(piece);
  }
  return found;
}

function sourceOffset(pieces: readonly Piece[], offset: number, side: 'start' | 'end'): number {
  for (const piece of pieces) {
    const inside = side === 'start' ? offset < piece.to : offset <= piece.to;
    if (offset < piece.from || !inside) continue;
    if (piece.expression) return side === 'start' ? piece.sourceFrom : piece.sourceTo;
    return piece.sourceFrom + (offset - piece.from);
  }
  const edge = side === 'start' ? pieces[0]?.sourceFrom : pieces[pieces.length - 1]?.sourceTo;
  return edge ?? 0;
}

/** The offset each line of `source` starts at. */
export function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1))
    starts.push(index + 1);
  return starts;
}

function positionOf(
  offset: number,
  lineStarts: readonly number[],
): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? Infinity) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

/** The source range of the offsets [from, to), with the line starts of its source. */
export function rangeBetween(from: number, to: number, lineStarts: readonly number[]): SourceRange {
  const start = positionOf(from, lineStarts);
  const end = positionOf(Math.max(from, to), lineStarts);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
