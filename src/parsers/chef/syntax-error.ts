/**
 * The first syntax error in a tree, described in one line: where it is, the source near it, and
 * the construct the parser was inside when it gave up.
 */
import type { SyntaxNode } from './syntax.js';

export interface RubySyntaxError {
  message: string;
  line: number;
  /** the grammar construct around the error (`argument_list`, `do_block`), for diagnostics */
  construct: string;
}

const SNIPPET_LENGTH = 40;

export function findSyntaxError(root: SyntaxNode, source: string): RubySyntaxError | undefined {
  if (!root.hasError) return undefined;
  const { node, parent } = firstError(root);
  const line = node.startPosition.row + 1;
  const construct = parent?.type ?? node.type;
  const sourceLine = source.split(/\r?\n/)[node.startPosition.row] ?? '';
  if (node.isMissing) {
    const before = sourceLine.slice(0, node.startPosition.column).trim().slice(-SNIPPET_LENGTH);
    return {
      message: `Ruby: syntax error near "${before}": missing "${node.type}"`,
      line,
      construct,
    };
  }
  const near = (node.text.split(/\r?\n/)[0] ?? '').trim() || sourceLine.trim();
  return { message: `Ruby: syntax error near "${near.slice(0, SNIPPET_LENGTH)}"`, line, construct };
}

/**
 * Descends, without recursion, to the first ERROR or MISSING node, keeping the node above it
 * (asking tree-sitter for a deep node's parent recurses inside WebAssembly).
 */
function firstError(root: SyntaxNode): { node: SyntaxNode; parent: SyntaxNode | undefined } {
  let node = root;
  let parent: SyntaxNode | undefined;
  for (;;) {
    if (node.isError || node.isMissing) return { node, parent };
    const next = node.children.find(
      (child) => child !== null && (child.hasError || child.isMissing),
    );
    if (!next) return { node, parent };
    parent = node;
    node = next;
  }
}
