/**
 * How deep a manifest's syntax tree may go. The parser bounds how deeply constructs nest inside
 * one another, but a chain (`a -> b -> c`, `1 + 2 + 3`, `$x.a().b()`) is parsed by a loop and
 * still makes a tree as deep as it is long, which everything after the parser walks recursively.
 * Checked without recursion, right after parsing.
 */
import type { Expression, Program } from './ast.js';
import { PuppetNestingError } from './errors.js';
import { childExpressions } from './walk.js';

export const MAX_PUPPET_TREE_DEPTH = 1000;

/** Throws a `PuppetNestingError` at the first expression deeper than `MAX_PUPPET_TREE_DEPTH`. */
export function checkTreeDepth(program: Program): void {
  const pending: Array<{ expr: Expression; depth: number }> = [{ expr: program.body, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { expr, depth } = next;
    if (depth > MAX_PUPPET_TREE_DEPTH) {
      throw new PuppetNestingError(
        `expressions nested deeper than ${MAX_PUPPET_TREE_DEPTH} levels (a chain of operators or calls) are not analysed`,
        expr.start,
      );
    }
    for (const child of childExpressions(expr)) pending.push({ expr: child, depth: depth + 1 });
  }
}
