/**
 * Small helpers over tree-sitter nodes: ranges, children, fields. Positions from web-tree-sitter
 * count UTF-16 code units, the same units as JavaScript string offsets, so `text` slices the
 * source directly.
 */
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { UnanalysableError } from '../../model/file-error.js';
import type { SourceRange } from '../../model/model.js';

export type { SyntaxNode };

/** Nesting beyond this is refused rather than walked. */
export const MAX_DEPTH = 100;

export class RubyNestingError extends UnanalysableError {
  constructor(line: number) {
    super('too-deep', `Ruby: nesting deeper than ${MAX_DEPTH} levels is not analysed`, line);
  }
}

export function checkDepth(node: SyntaxNode, depth: number): void {
  if (depth > MAX_DEPTH) throw new RubyNestingError(node.startPosition.row + 1);
}

export function rangeOf(node: SyntaxNode): SourceRange {
  return rangeBetween(node, node);
}

/** From the start of `first` to the end of `last`. */
export function rangeBetween(first: SyntaxNode, last: SyntaxNode): SourceRange {
  return {
    line: first.startPosition.row + 1,
    column: first.startPosition.column + 1,
    endLine: last.endPosition.row + 1,
    endColumn: last.endPosition.column + 1,
  };
}

export function textBetween(source: string, first: SyntaxNode, last: SyntaxNode): string {
  return source.slice(first.startIndex, last.endIndex);
}

/** Named children, without comments and heredoc bodies (which sit where the parser met them). */
export function meaningfulChildren(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter(
    (child): child is SyntaxNode =>
      child !== null && child.type !== 'comment' && child.type !== 'heredoc_body',
  );
}

export function field(node: SyntaxNode, name: string): SyntaxNode | undefined {
  return node.childForFieldName(name) ?? undefined;
}

export function sameNode(a: SyntaxNode | undefined, b: SyntaxNode | undefined): boolean {
  return a !== undefined && b !== undefined && a.id === b.id;
}

/** The statements of a `do ... end` or `{ ... }` block. */
export function blockStatements(block: SyntaxNode): SyntaxNode[] {
  const body = field(block, 'body');
  return body ? meaningfulChildren(body) : [];
}

/** The arguments of a call, without the parentheses. */
export function callArguments(call: SyntaxNode): SyntaxNode[] {
  const list = field(call, 'arguments');
  return list ? meaningfulChildren(list) : [];
}

/** The keys of `x[a, b]`: every argument inside the brackets. */
export function elementKeys(reference: SyntaxNode): SyntaxNode[] {
  const object = field(reference, 'object');
  const block = field(reference, 'block');
  return meaningfulChildren(reference).filter(
    (child) => !sameNode(child, object) && !sameNode(child, block),
  );
}

/**
 * The nodes of the types the Chef reader looks at, gathered in one walk of the tree (each walk
 * crosses into WebAssembly for every node, so one walk instead of one per question).
 */
export class SyntaxIndex {
  private readonly nodes: SyntaxNode[];
  private readonly byType = new Map<string, SyntaxNode[]>();

  constructor(
    readonly root: SyntaxNode,
    types: readonly string[],
  ) {
    // keywords are anonymous nodes named like their construct (`if`, `case`, `class`): skip them
    this.nodes = root
      .descendantsOfType([...types])
      .filter((node): node is SyntaxNode => node !== null && node.isNamed);
    for (const node of this.nodes) {
      const bucket = this.byType.get(node.type);
      if (bucket) bucket.push(node);
      else this.byType.set(node.type, [node]);
    }
  }

  /** The nodes of these types, in source order. */
  of(...types: string[]): readonly SyntaxNode[] {
    if (types.length === 1) return this.byType.get(types[0] ?? '') ?? [];
    const wanted = new Set(types);
    return this.nodes.filter((node) => wanted.has(node.type));
  }
}
