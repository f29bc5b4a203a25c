/**
 * What the conditions around a resource must answer for a recipe to declare it, where each one
 * tests a node attribute for truth: `if node['ssh']['allow_root']`, `unless ...`, `if !...`,
 * the `else` of such a condition and the modifier forms (`package 'telnet' if node[...]`), by
 * Ruby's truth (anything but nil and false), and a resource's own `only_if { node[...] }` or
 * `not_if { ... }`. Conditions that pick nodes by what Ohai finds on them (`platform?('ubuntu')`,
 * `case node['platform_family']`) add no guard; an `elsif` is read as the `else` of the test
 * before it, holding its own. A resource under any other condition (a comparison, a method
 * call) carries none.
 */
import type { FlagGuard, FlagWays, SourceRange, Unit } from '../../model/model.js';
import { MAX_FLAG_WAYS, everyWayFails, joinWays } from '../../model/flag-ways.js';
import { encloses } from '../../model/ranges.js';
import { blockStatements, field, rangeOf, type SyntaxIndex, type SyntaxNode } from './syntax.js';
import type { RubyValues } from './values.js';
import { selectsNodes } from './host-test.js';
import { caseOptionGuards, readParts } from '../templates/condition-parts.js';

/**
 * A branch of a condition, and the ways of flags that take it (several under `||`); `nodes` for
 * one that picks nodes by what Ohai finds on them (no guard); none for a branch no flags decide.
 */
interface Branch {
  range: SourceRange;
  ways?: FlagWays | 'nodes';
}

const NODE_ATTRIBUTE = /^node(\.[\w-]+)+$/;

/**
 * Sets `guards` on the resources and calls whose every enclosing condition tests one node
 * attribute or picks nodes, adding the flag a resource's own `only_if { node[...] }` or
 * `not_if { node[...] }` tests.
 */
export function guardResources(
  index: SyntaxIndex,
  units: readonly Unit[],
  values: RubyValues,
): void {
  const branches = index
    .of('if', 'unless', 'if_modifier', 'unless_modifier', 'case', 'case_match', 'conditional')
    .flatMap((node) => branchesOf(node, values))
    .sort((a, b) => compareStarts(a.range, b.range));
  const ownGuards = resourceGuardBlocks(index, units, values);
  if (branches.length === 0 && ownGuards.size === 0) return;
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
    // Under a condition no flag decides, the resource stays conditional whatever its own guard.
    if (!open.every((branch) => branch.ways)) continue;
    const own = ownGuards.get(unit);
    if (open.length === 0 && !own) continue;
    let ways: FlagWays | undefined = [[]];
    for (const branch of open)
      if (branch.ways && branch.ways !== 'nodes') ways = ways && joinWays(ways, branch.ways);
    if (own) ways = ways && joinWays(ways, [own]);
    // Under more ways than are read, the resource stays conditional.
    if (!ways) continue;
    if (ways.length === 1) unit.guards = ways[0];
    else unit.guardWays = ways;
  }
}

/**
 * The flags a resource's guard blocks test: `only_if { node['ssh']['lab'] }`, `not_if {
 * !node['ssh']['lab'] }`. A guard that runs a command, or a block that does anything else, keeps
 * the resource as it is: most make it idempotent rather than optional.
 */
function resourceGuardBlocks(
  index: SyntaxIndex,
  units: readonly Unit[],
  values: RubyValues,
): Map<Unit, FlagGuard[]> {
  const guarded = new Map<Unit, FlagGuard[]>();
  const resources = units.filter((unit) => unit.kind === 'resource');
  for (const call of index.of('call')) {
    const method = field(call, 'method')?.text;
    const block = field(call, 'block');
    if ((method !== 'only_if' && method !== 'not_if') || !block || field(call, 'receiver'))
      continue;
    const statements = blockStatements(block);
    const [only] = statements;
    // A test of what Ohai finds (`node['platform'] == 'ubuntu'`) picks nodes: no option.
    const flag =
      statements.length === 1 && only && !selectsNodes(only, values)
        ? flagTested(only, values, method === 'not_if')
        : undefined;
    const range = rangeOf(call);
    const resource = flag && resources.find((unit) => encloses(unit.range, range));
    if (!flag || !resource) continue;
    guarded.set(resource, [...(guarded.get(resource) ?? []), flag]);
  }
  return guarded;
}

function branchesOf(node: SyntaxNode, values: RubyValues): Branch[] {
  if (node.type === 'case' || node.type === 'case_match') {
    // `case node['platform_family']` picks nodes in every branch.
    const value = field(node, 'value');
    const nodes = value !== undefined && selectsNodes(value, values);
    if (nodes) return [{ range: rangeOf(node), ways: 'nodes' }];
    const name = node.type === 'case' && value ? attributeTested(value, values) : undefined;
    return name === undefined ? [{ range: rangeOf(node) }] : caseBranches(node, name, values);
  }
  if (node.type === 'conditional') return [{ range: rangeOf(node) }];
  return ifBranches(node, values);
}

/**
 * The branches of an `if`, `unless`, `elsif` or modifier: under flags' tests, each with the ways
 * it is taken (`testWays`); under a test that picks nodes (`if platform?('ubuntu')`), each as
 * written, with the `elsif`s after it read in turn. An `elsif` after flags' tests is a branch
 * where those tests fail, holding the `elsif`'s own branches: both decide what is under it.
 */
function ifBranches(node: SyntaxNode, values: RubyValues): Branch[] {
  const modifier = node.type === 'if_modifier' || node.type === 'unless_modifier';
  const condition = field(node, 'condition');
  const unless = node.type.startsWith('unless');
  const nodes = condition && nodesPicked(condition, values, unless);
  const tested = condition && !nodes ? testWays(condition, values, unless) : undefined;
  const guard = (taken: boolean): Partial<Branch> => {
    // On the nodes it leaves out, the `else` is declared whatever the flag beside says.
    if (nodes) return { ways: taken && nodes.flag ? [[nodes.flag]] : 'nodes' };
    const ways = taken ? tested?.holds : tested?.fails;
    return ways ? { ways } : {};
  };
  const taken = field(node, modifier ? 'body' : 'consequence');
  const branches: Branch[] = taken ? [{ range: rangeOf(taken), ...guard(true) }] : [];
  const alternative = modifier ? undefined : field(node, 'alternative');
  if (alternative?.type === 'else') branches.push({ range: rangeOf(alternative), ...guard(false) });
  else if (alternative && nodes) branches.push(...ifBranches(alternative, values));
  else if (alternative?.type === 'elsif' && tested?.fails)
    // The `elsif` runs where the tests before it fail, and then tests its own condition.
    branches.push(
      { range: rangeOf(alternative), ...guard(false) },
      ...ifBranches(alternative, values),
    );
  else if (alternative) branches.push({ range: rangeOf(alternative) });
  return branches;
}

/**
 * The branches of a `case` on a node attribute whose `when`s are plain strings: a `when` needs
 * the attribute to be one of its strings (Ruby's `===` on strings, case and all), each a way;
 * the `else`, none of them. Every branch of a `case` with another pattern carries none.
 */
function caseBranches(node: SyntaxNode, name: string, values: RubyValues): Branch[] {
  const clauses = node.namedChildren.filter(
    (child): child is SyntaxNode => child?.type === 'when' || child?.type === 'else',
  );
  const patterns = clauses.map((clause) =>
    clause.childrenForFieldName('pattern').map((pattern) => {
      const only = pattern?.namedChildCount === 1 ? pattern.namedChild(0) : undefined;
      return only ? plainString(only, values) : undefined;
    }),
  );
  if (patterns.flat().some((string) => string === undefined)) return [{ range: rangeOf(node) }];
  const ways = caseOptionGuards(
    name,
    clauses.map((clause, index) => (clause.type === 'else' ? 'default' : (patterns[index] ?? []))),
    false,
  );
  return clauses.map((clause, index): Branch => {
    const chosen = ways[index];
    return chosen ? { range: rangeOf(clause), ways: chosen } : { range: rangeOf(clause) };
  });
}

/** `unless` negates the whole condition: only one that picks nodes and does nothing else is read. */
function nodesPicked(
  condition: SyntaxNode,
  values: RubyValues,
  unless: boolean,
): { flag?: FlagGuard } | undefined {
  if (!unless) return nodesAndFlag(condition, values);
  return selectsNodes(condition, values) ? {} : undefined;
}

/**
 * A condition that picks nodes, alone or joined by `&&` or `and` to parts that do and at most
 * one node attribute's truth (`platform?('ubuntu') && node['ssh']['lab']`): that test.
 */
function nodesAndFlag(condition: SyntaxNode, values: RubyValues): { flag?: FlagGuard } | undefined {
  const parts = readParts(
    conjuncts(condition),
    (part) => selectsNodes(part, values),
    (part) => flagTested(part, values, false),
  );
  if (!parts?.picksHosts || parts.flags.length > 1) return undefined;
  const [flag] = parts.flags;
  return flag ? { flag } : {};
}

/**
 * The ways a condition on flags takes its first branch (`holds`) and its other (`fails`): one
 * flag's test, or parts `||` or `or` joins, each flags and tests that pick nodes joined by `&&`
 * or `and` (`node['ssh']['lab'] || node['ssh']['legacy']`). A way that only picks nodes makes
 * the branch `nodes`; where every way fails is read where each tests one flag
 * (`everyWayFails`). Undefined where a part is anything else.
 */
function testWays(
  condition: SyntaxNode,
  values: RubyValues,
  unless: boolean,
): { holds?: FlagWays | 'nodes'; fails?: FlagWays | 'nodes' } | undefined {
  const flag = flagTested(condition, values, unless);
  if (flag) return { holds: [[flag]], fails: [[{ ...flag, when: !flag.when }]] };
  const ways = orWays(condition, values);
  if (!ways) return undefined;
  const holds = ways.some((way) => way.length === 0) ? ('nodes' as const) : ways;
  const fails = everyWayFails(ways);
  return unless ? { holds: fails, fails: holds } : { holds, fails };
}

/** The flags of each way parts joined by `||` or `or` hold; undefined past `MAX_FLAG_WAYS`. */
function orWays(condition: SyntaxNode, values: RubyValues): FlagGuard[][] | undefined {
  const parts = joined(condition, ['||', 'or']);
  if (parts.length < 2 || parts.length > MAX_FLAG_WAYS) return undefined;
  const ways: FlagGuard[][] = [];
  for (const part of parts) {
    const read = readParts(
      conjuncts(part),
      (test) => selectsNodes(test, values),
      (test) => flagTested(test, values, false),
    );
    if (!read) return undefined;
    ways.push(read.flags);
  }
  return ways;
}

/** Conditions nested deeper than this (`!`, parentheses, `&&`) are not read. */
const MAX_CONJUNCTION_DEPTH = 20;

/** The parts `&&` or `and` joins, through parentheses. */
function conjuncts(condition: SyntaxNode): SyntaxNode[] {
  return joined(condition, ['&&', 'and']);
}

/** The parts one of `operators` joins, through parentheses. */
function joined(condition: SyntaxNode, operators: readonly string[], depth = 0): SyntaxNode[] {
  if (depth > MAX_CONJUNCTION_DEPTH) return [condition];
  if (condition.type === 'parenthesized_statements' && condition.namedChildCount === 1) {
    const inner = condition.namedChild(0);
    return inner ? joined(inner, operators, depth + 1) : [condition];
  }
  const operator = condition.type === 'binary' ? field(condition, 'operator')?.text : undefined;
  const left = field(condition, 'left');
  const right = field(condition, 'right');
  if (operator !== undefined && operators.includes(operator) && left && right)
    return [...joined(left, operators, depth + 1), ...joined(right, operators, depth + 1)];
  return [condition];
}

/**
 * The node attribute a condition tests, by Ruby's truth or for equality with a string
 * (`node['ssh']['mode'] == 'lab'`, `!=`), and the answer that takes its first branch.
 */
function flagTested(
  condition: SyntaxNode,
  values: RubyValues,
  negated: boolean,
  depth = 0,
): FlagGuard | undefined {
  if (depth > MAX_CONJUNCTION_DEPTH) return undefined;
  if (condition.type === 'parenthesized_statements' && condition.namedChildCount === 1) {
    const inner = condition.namedChild(0);
    return inner ? flagTested(inner, values, negated, depth + 1) : undefined;
  }
  if (condition.type === 'unary') {
    const operator = field(condition, 'operator')?.text;
    const operand = field(condition, 'operand');
    if ((operator === '!' || operator === 'not') && operand)
      return flagTested(operand, values, !negated, depth + 1);
    return undefined;
  }
  if (condition.type === 'binary') {
    const operator = field(condition, 'operator')?.text;
    const compared = comparedWithString(condition, values);
    if ((operator !== '==' && operator !== '!=') || !compared) return undefined;
    return { ...compared, when: (operator === '==') !== negated };
  }
  const name = attributeTested(condition, values);
  return name === undefined ? undefined : { name, test: 'set', when: !negated };
}

/** The node attribute an expression reads whole (`node['ssh']['lab']`). */
function attributeTested(expression: SyntaxNode, values: RubyValues): string | undefined {
  if (expression.type !== 'element_reference') return undefined;
  const value = values.value(expression);
  return value.kind === 'reference' && value.name && NODE_ATTRIBUTE.test(value.name)
    ? value.name
    : undefined;
}

/** `node['ssh']['mode'] == 'lab'`, either way round: the attribute, and the string's test. */
function comparedWithString(
  comparison: SyntaxNode,
  values: RubyValues,
): Pick<FlagGuard, 'name' | 'test'> | undefined {
  const left = field(comparison, 'left');
  const right = field(comparison, 'right');
  if (!left || !right) return undefined;
  const [attribute, other] = left.type === 'element_reference' ? [left, right] : [right, left];
  const name = attributeTested(attribute, values);
  const literal = plainString(other, values);
  return name === undefined || literal === undefined
    ? undefined
    : { name, test: { equals: literal } };
}

/** A string literal with nothing interpolated. */
function plainString(expression: SyntaxNode, values: RubyValues): string | undefined {
  if (expression.type !== 'string') return undefined;
  const value = values.value(expression);
  return value.kind === 'string' && !value.dynamic && typeof value.value === 'string'
    ? value.value
    : undefined;
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
