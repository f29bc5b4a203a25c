/**
 * What the conditions around a resource must answer for a recipe to declare it, where each one
 * tests a node attribute for truth: `if node['ssh']['allow_root']`, `unless ...`, `if !...`,
 * the `else` of such a condition and the modifier forms (`package 'telnet' if node[...]`), by
 * Ruby's truth (anything but nil and false). A resource under any other condition (a `case`, a
 * branch after an `elsif`, a comparison, a method call) carries none.
 */
import type { FlagGuard, SourceRange, Unit } from '../../model/model.js';
import { field, rangeOf, type SyntaxIndex, type SyntaxNode } from './syntax.js';
import type { RubyValues } from './values.js';

/** A branch of a condition, and the flag it needs; none for a branch no one flag decides. */
interface Branch {
  range: SourceRange;
  guard?: FlagGuard;
}

const NODE_ATTRIBUTE = /^node(\.[\w-]+)+$/;

/** Sets `guards` on the resources and calls whose every enclosing condition tests one node attribute. */
export function guardResources(
  index: SyntaxIndex,
  units: readonly Unit[],
  values: RubyValues,
): void {
  const branches = index
    .of('if', 'unless', 'if_modifier', 'unless_modifier', 'case', 'case_match', 'conditional')
    .flatMap((node) => branchesOf(node, values))
    .sort((a, b) => compareStarts(a.range, b.range));
  if (branches.length === 0) return;
  const open: Branch[] = [];
  let next = 0;
  for (const unit of units) {
    // Free calls too: a FileEdit's edits in a `ruby_block` under such a condition.
    if (unit.kind !== 'resource' && unit.kind !== 'call') continue;
    for (; next < branches.length; next++) {
      const branch = branches[next] as Branch;
      if (compareStarts(branch.range, unit.range) > 0) break;
      closeBefore(open, branch.range);
      open.push(branch);
    }
    closeBefore(open, unit.range);
    if (open.length > 0 && open.every((branch) => branch.guard))
      unit.guards = open.map((branch) => branch.guard as FlagGuard);
  }
}

function branchesOf(node: SyntaxNode, values: RubyValues): Branch[] {
  const modifier = node.type === 'if_modifier' || node.type === 'unless_modifier';
  if (!modifier && node.type !== 'if' && node.type !== 'unless') return [{ range: rangeOf(node) }];
  const condition = field(node, 'condition');
  const flag = condition && flagTested(condition, values, node.type.startsWith('unless'));
  const guard = (taken: boolean): Partial<Branch> =>
    flag ? { guard: { name: flag.name, test: 'set', when: taken ? flag.when : !flag.when } } : {};
  const taken = field(node, modifier ? 'body' : 'consequence');
  const branches: Branch[] = taken ? [{ range: rangeOf(taken), ...guard(true) }] : [];
  const alternative = modifier ? undefined : field(node, 'alternative');
  // An `elsif` tests another flag once this one has failed: two flags decide what is under it.
  if (alternative)
    branches.push({
      range: rangeOf(alternative),
      ...(alternative.type === 'else' ? guard(false) : {}),
    });
  return branches;
}

/** The node attribute a condition tests, and the answer that takes its first branch. */
function flagTested(
  condition: SyntaxNode,
  values: RubyValues,
  negated: boolean,
): { name: string; when: boolean } | undefined {
  if (condition.type === 'parenthesized_statements' && condition.namedChildCount === 1) {
    const inner = condition.namedChild(0);
    return inner ? flagTested(inner, values, negated) : undefined;
  }
  if (condition.type === 'unary') {
    const operator = field(condition, 'operator')?.text;
    const operand = field(condition, 'operand');
    if ((operator === '!' || operator === 'not') && operand)
      return flagTested(operand, values, !negated);
    return undefined;
  }
  if (condition.type !== 'element_reference') return undefined;
  const value = values.value(condition);
  if (value.kind !== 'reference' || !value.name || !NODE_ATTRIBUTE.test(value.name))
    return undefined;
  return { name: value.name, when: !negated };
}

/** Drops the branches that end before `range` starts; the rest enclose it, nested as they are. */
function closeBefore(open: Branch[], range: SourceRange): void {
  for (let last = open.at(-1); last && endsBefore(last.range, range); last = open.at(-1))
    open.pop();
}

function compareStarts(a: SourceRange, b: SourceRange): number {
  return a.line - b.line || a.column - b.column;
}

function endsBefore(a: SourceRange, b: SourceRange): boolean {
  return a.endLine < b.line || (a.endLine === b.line && a.endColumn <= b.column);
}
