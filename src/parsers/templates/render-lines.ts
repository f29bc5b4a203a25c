/**
 * A template's lines as the host will see them, with each output expression written as the
 * deploying language's interpolation (`{{ x }}`, `${x}`, `#{x}`) instead of its value, and
 * every position traced back to the template's source. Statements and comments write
 * nothing; text inside a condition is marked conditional, text inside a loop is not.
 *
 * A plain file is the same with no tags: every line as it is.
 */
import type { FlagGuard, FlagWays, SourceRange } from '../../model/model.js';
import { joinWays } from '../../model/flag-ways.js';
import type { ConditionParts } from './condition-parts.js';
import type { FlagTest } from './flag-test.js';
import type { TemplateTag } from './tags.js';

export interface RenderedLine {
  /** the line's text, expressions as interpolations */
  text: string;
  /** some of its text sits inside a condition of the template (a loop's body is rendered) */
  conditional: boolean;
  /**
   * For a conditional line whose text sits under one branch, each of whose conditions is read
   * as tests of variables: what those variables must be for the line to be written, for each
   * way it can be (several where a condition joins its parts with `or`).
   */
  ways?: FlagWays;
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
  /** what the blocks around the text write it under */
  under: Written;
}

/**
 * Text nested under more conditions than this (or after more) is not judged, nor under more
 * ways than `MAX_FLAG_WAYS`.
 */
const MAX_DEPTH = 64;

/**
 * An open block: for a condition, the ways the branch being read is written in, and the flags
 * the branches after it are written under (each condition so far false); undefined once a
 * condition in the chain is not read.
 */
interface Block {
  condition: boolean;
  /** one of its conditions picks hosts */
  hostSpecific?: boolean;
  branch: FlagWays | undefined;
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
      const ways = sharedWays(own);
      lines.push({
        text: text.slice(start, end),
        conditional: own.some((piece) => piece.under.conditional),
        ...(ways ? { ways } : {}),
        ...(own.some((piece) => piece.under.hostSpecific) ? { hostSpecific: true as const } : {}),
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
  /** What the text inside each open block is written under, worked out as blocks change. */
  const inside: Written[] = [];
  let under = ALWAYS;
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
      under,
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
        under,
      });
      continue;
    }
    const block = tag.nesting === 'continues' ? blocks.at(-1) : undefined;
    if (tag.nesting === 'opens') {
      const opened = openedBlock(tag);
      blocks.push(opened);
      inside.push(writtenIn(inside.at(-1) ?? ALWAYS, opened));
    } else if (block) {
      continueBlock(block, tag);
      inside[inside.length - 1] = writtenIn(inside.at(-2) ?? ALWAYS, block);
    } else if (tag.nesting === 'closes') {
      blocks.pop();
      inside.pop();
    } else continue;
    under = inside.at(-1) ?? ALWAYS;
  }
  addText(position, source.length);
  return { text, pieces };
}

/** What text is written under, where the conditions around it put it. */
interface Written {
  /** written only where conditions hold: one not read, or flags in every way */
  conditional: boolean;
  /** undefined where a condition around it is not read */
  ways: FlagWays | undefined;
  /** one of the conditions around it picks hosts */
  hostSpecific: boolean;
  /** how many conditions are around it */
  depth: number;
}

/** Outside every condition: always. */
const ALWAYS: Written = { conditional: false, ways: [[]], hostSpecific: false, depth: 0 };

/**
 * What text inside `block` is written under, inside `outer`: each of the outer ways joined with
 * each of the block's; undefined where either is not read, the ways grow too many, or the
 * conditions too deep.
 */
function writtenIn(outer: Written, block: Block): Written {
  if (!block.condition) return outer;
  const depth = outer.depth + 1;
  const joined =
    outer.ways === undefined || block.branch === undefined || depth > MAX_DEPTH
      ? undefined
      : joinWays(outer.ways, block.branch);
  // A way under no flag writes the text wherever the conditions that pick hosts let it.
  const ways = joined?.some((way) => way.length === 0) ? [[]] : joined;
  return {
    // Text that only conditions on what the host is decide is written wherever it applies.
    conditional: ways === undefined || ways.every((way) => way.length > 0),
    ways,
    hostSpecific: outer.hostSpecific || block.hostSpecific === true,
    depth,
  };
}

function openedBlock(tag: TemplateTag): Block {
  if (tag.condition !== true) return { condition: false, branch: [[]], otherwise: [] };
  return { condition: true, ...branchOf(tag.ways, []) };
}

/** `else`: the branch every condition before it left; `elif`: that, and its own condition. */
function continueBlock(block: Block | undefined, tag: TemplateTag): void {
  if (!block?.condition) return;
  const before = block.otherwise;
  if (tag.ways === undefined && /^(?:\}\s*)?else\b/.test(tag.code)) {
    block.branch = before && [before];
    return;
  }
  const next = branchOf(tag.ways, before);
  block.branch = next.branch;
  block.otherwise = next.otherwise;
  if (next.hostSpecific) block.hostSpecific = true;
}

/**
 * What a condition's branch is written under, after `before` (the conditions before it in the
 * chain failing): each of its ways, its flags' tests passing. The branches after it are written
 * where every way fails: under each way's one test failing; undefined after a way of several
 * tests, any of which may fail. A way that asks what the host is leaves the branches after it
 * written on the other hosts whatever the flags say, so those stay under `before` alone.
 */
function branchOf(
  ways: readonly ConditionParts[] | undefined,
  before: readonly FlagGuard[] | undefined,
): Omit<Block, 'condition'> {
  const picksHosts = ways?.some((way) => way.picksHosts) === true;
  // A chain of `elif`s longer than the conditions text may be nested in is not followed further.
  if (!ways || !before || before.length >= MAX_DEPTH)
    return {
      ...(picksHosts ? { hostSpecific: true } : {}),
      branch: undefined,
      otherwise: undefined,
    };
  const branch = ways.map((way) => [...before, ...way.flags.map((flag) => guardOf(flag, true))]);
  if (picksHosts) return { hostSpecific: true, branch, otherwise: before };
  const failing = ways.map((way) => (way.flags.length === 1 ? way.flags[0] : undefined));
  const otherwise = failing.every((flag) => flag !== undefined)
    ? [...before, ...failing.map((flag) => guardOf(flag, false))]
    : undefined;
  return { branch, otherwise };
}

/** The ways of a line's conditional text, when it all sits in one branch. */
function sharedWays(pieces: readonly Piece[]): FlagWays | undefined {
  let shared: FlagWays | undefined;
  for (const { under } of pieces) {
    if (!under.conditional) continue;
    if (under.ways === undefined || (shared !== undefined && under.ways !== shared))
      return undefined;
    shared = under.ways;
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
