/**
 * A template's lines as the host will see them, with each output expression written as the
 * deploying language's interpolation (`{{ x }}`, `${x}`, `#{x}`) instead of its value, and
 * every position traced back to the template's source. Statements and comments write
 * nothing; text inside a condition is marked conditional, text inside a loop is not.
 *
 * A plain file is the same with no tags: every line as it is.
 */
import type { FlagGuard, SourceRange } from '../../model/model.js';
import type { FlagTest } from './flag-test.js';
import type { TemplateTag } from './tags.js';

export interface RenderedLine {
  /** the line's text, expressions as interpolations */
  text: string;
  /** some of its text sits inside a condition of the template (a loop's body is rendered) */
  conditional: boolean;
  /**
   * For a conditional line whose text sits under one branch, each of whose conditions tests one
   * variable: what those variables must be for the line to be written.
   */
  guards?: readonly FlagGuard[];
  /**
   * some of its text sits under a condition that picks hosts (`ansible_os_family == 'Debian'`):
   * written unconditionally where it is written, but not on every host
   */
  hostSpecific?: true;
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
  /** the flags the text is written under; undefined where a condition around it is not a flag's */
  guards: readonly FlagGuard[] | undefined;
  hostSpecific: boolean;
}

/**
 * An open block: for a condition, the flags the branch being read is written under, and those
 * the branches after it are (each condition so far false); undefined once a condition in the
 * chain is not a flag's.
 */
interface Block {
  condition: boolean;
  /** one of its conditions picks hosts */
  hostSpecific?: boolean;
  branch: readonly FlagGuard[] | undefined;
  otherwise: readonly FlagGuard[] | undefined;
}

/** The guard a flag's test puts on the text of the branch it opens, or, `taken` false, of those after. */
function guardOf(flag: FlagTest, taken: boolean): FlagGuard {
  return { name: flag.name, test: flag.test, when: taken !== flag.negated };
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
      const guards = sharedGuards(own);
      lines.push({
        text: text.slice(start, end),
        conditional: own.some((piece) => piece.conditional),
        ...(guards ? { guards } : {}),
        ...(own.some((piece) => piece.hostSpecific) ? { hostSpecific: true as const } : {}),
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
  const blocks: Block[] = [];
  let conditional = false;
  let guards: readonly FlagGuard[] | undefined = [];
  let hostSpecific = false;
  /** What the text after a block's tag is written under: worked out as blocks change, not per piece. */
  const enter = () => {
    const conditions = blocks.filter((block) => block.condition);
    guards = conditions.every((block) => block.branch !== undefined)
      ? conditions.flatMap((block) => block.branch ?? [])
      : undefined;
    // Text that only conditions on what the host is decide is written wherever it applies.
    conditional = guards === undefined || guards.length > 0;
    hostSpecific = conditions.some((block) => block.hostSpecific);
  };
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
      conditional,
      guards,
      hostSpecific,
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
        conditional,
        guards,
        hostSpecific,
      });
      continue;
    }
    if (tag.nesting === 'opens') blocks.push(openedBlock(tag));
    else if (tag.nesting === 'continues') continueBlock(blocks.at(-1), tag);
    else if (tag.nesting === 'closes') blocks.pop();
    else continue;
    enter();
  }
  addText(position, source.length);
  return { text, pieces };
}

function openedBlock(tag: TemplateTag): Block {
  if (tag.condition !== true) return { condition: false, branch: [], otherwise: [] };
  const tests = tag.tests;
  if (tag.selectsHosts) {
    // On the hosts it leaves out, the branches after it are written whatever its flags say.
    return { condition: true, hostSpecific: true, branch: taken(tests ?? []), otherwise: [] };
  }
  return {
    condition: true,
    branch: tests && taken(tests),
    otherwise: tests && passedOver(tests),
  };
}

/** `else`: the branch every condition before it left; `elif`: that, and its own flags' tests. */
function continueBlock(block: Block | undefined, tag: TemplateTag): void {
  if (!block?.condition) return;
  const before = block.otherwise;
  const tests = tag.tests;
  if (tests === undefined && /^(?:\}\s*)?else\b/.test(tag.code)) {
    block.branch = before;
    return;
  }
  if (tag.selectsHosts) {
    block.hostSpecific = true;
    block.branch = before && tests ? [...before, ...taken(tests)] : before;
    return;
  }
  const after = tests && passedOver(tests);
  block.branch = before && tests ? [...before, ...taken(tests)] : undefined;
  block.otherwise = before && after ? [...before, ...after] : undefined;
}

/** What the branch a condition opens is written under: every one of its tests holds. */
function taken(tests: readonly FlagTest[]): FlagGuard[] {
  return tests.map((flag) => guardOf(flag, true));
}

/**
 * What the branches after a condition are written under: its one test failed; undefined after
 * several tests, since any of them may have failed.
 */
function passedOver(tests: readonly FlagTest[]): FlagGuard[] | undefined {
  const [only] = tests;
  return only && tests.length === 1 ? [guardOf(only, false)] : undefined;
}

/** The guards of a line's conditional text, when it all sits in one branch. */
function sharedGuards(pieces: readonly Piece[]): readonly FlagGuard[] | undefined {
  let shared: readonly FlagGuard[] | undefined;
  for (const piece of pieces) {
    if (!piece.conditional) continue;
    if (piece.guards === undefined || (shared !== undefined && piece.guards !== shared))
      return undefined;
    shared = piece.guards;
  }
  return shared;
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
