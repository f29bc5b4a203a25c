/**
 * How deep a manifest's syntax tree may go. The parser bounds how deeply constructs nest inside
 * one another, but a chain (`a -> b -> c`, `1 + 2 + 3`, `$x.a().b()`) is parsed by a loop and
 * still makes a tree as deep as it is long, which everything after the parser walks recursively.
 * Checked without recursion, right after parsing.
 */
import type { Expression, Program } from './ast.js';
import { PuppetNestingError } from './errors.js';
import { forEachChild } from './walk.js';

export const MAX_PUPPET_TREE_DEPTH = 1000;

/**
 * Throws a `PuppetNestingError` at the first expression deeper than `MAX_PUPPET_TREE_DEPTH`.
 * The nodes still to look at and their depths are kept side by side, so that the walk makes no
 * object per node.
 */
export function checkTreeDepth(program: Program): void {
  const pending: Expression[] = [program.body];
  const depths: number[] = [1];
  const enqueue = (child: Expression): void => {
    pending.push(child);
  };
  for (let expr = pending.pop(); expr; expr = pending.pop()) {
    const depth = depths.pop() as number;
    if (depth > MAX_PUPPET_TREE_DEPTH) {
      throw new PuppetNestingError(
        `expressions nested deeper than ${MAX_PUPPET_TREE_DEPTH} levels (a chain of operators or calls) are not analysed`,
        expr.start,
      );
    }
    const firstChild = pending.length;
    forEachChild(expr, enqueue);
    for (let child = firstChild; child < pending.length; child++) depths.push(depth + 1);
  }
}
