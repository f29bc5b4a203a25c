/**
 * Conditionals: `case` (with `when` or `in`) and `if`/`unless`, statement or modifier, and the
 * `a ? b : c` form, each with whether a default branch (`else`) exists.
 */
import type { Condition } from '../../model/model.js';
import { field, rangeOf, type SyntaxIndex, type SyntaxNode } from './syntax.js';

export const CONDITION_TYPES = [
  'case',
  'case_match',
  'if',
  'unless',
  'if_modifier',
  'unless_modifier',
  'conditional',
];

export function readConditions(index: SyntaxIndex): Condition[] {
  return index.of(...CONDITION_TYPES).map((node) => ({
    kind: node.type === 'case' || node.type === 'case_match' ? 'case' : 'if',
    hasDefault: hasDefault(node),
    range: rangeOf(node),
  }));
}

function hasDefault(node: SyntaxNode): boolean {
  switch (node.type) {
    case 'case':
    case 'case_match':
      return node.namedChildren.some((child) => child?.type === 'else');
    case 'if':
    case 'unless':
      return endsInElse(node);
    case 'conditional':
      return true;
    default:
      return false;
  }
}

/** Follows the `elsif` chain to its last branch. */
function endsInElse(node: SyntaxNode): boolean {
  let alternative = field(node, 'alternative');
  while (alternative?.type === 'elsif') alternative = field(alternative, 'alternative');
  return alternative?.type === 'else';
}
