/**
 * What a Puppet condition needs of the flags (class parameters, variables) for each of its
 * branches to be declared: `if $manage_root`, `unless ! $legacy`, `if $mode == 'lab'`, a `case`
 * on one variable, and `if $lab or $legacy`, which holds in either way. Tests that pick nodes by
 * their facts (`$facts['os']['family'] == 'Debian'`) add no guard: on those nodes the branch is
 * declared.
 */
import type { FlagGuard, FlagWays } from '../../model/model.js';
import { MAX_FLAG_WAYS, everyWayFails } from '../../model/flag-ways.js';
import type { CaseExpression, Expression, IfExpression } from './ast.js';
import { selectsNodes } from './host-test.js';
import { caseOptionGuards, readParts } from '../templates/condition-parts.js';

/**
 * A branch's guard: the ways of flags that declare it; `nodes` where it is declared on the nodes
 * its test picks, whatever the flags; undefined where no flags decide it.
 */
export type BranchGuard = { ways: FlagWays } | 'nodes' | undefined;

export function ifBranchGuards(expr: IfExpression): { then: BranchGuard; else: BranchGuard } {
  const unless = expr.keyword === 'unless';
  // `if $facts['os']['family'] == 'Debian'` picks nodes: on those, its branch is declared,
  // under the one flag an `and` may test beside; on the others, its `else` is.
  // `unless` negates the whole: only a test that picks nodes and does nothing else is read.
  const nodes = unless ? (selectsNodes(expr.test) ? {} : undefined) : nodesAndFlag(expr.test);
  if (nodes) return { then: nodes.flag ? oneWay([nodes.flag]) : 'nodes', else: 'nodes' };
  const flag = flagTested(expr.test, unless);
  if (flag) return { then: oneWay([flag]), else: oneWay([{ ...flag, when: !flag.when }]) };
  const ways = orWays(expr.test);
  if (!ways) return { then: undefined, else: undefined };
  const holds: BranchGuard = ways.some((way) => way.length === 0) ? 'nodes' : { ways };
  const failing = everyWayFails(ways);
  const fails: BranchGuard = failing && { ways: failing };
  return unless ? { then: fails, else: holds } : { then: holds, else: fails };
}

/**
 * For a `case` on one variable whose options are strings (`case $mode { 'lab', 'legacy': {...}
 * default: {...} }`): what each option needs, in order, as Puppet matches strings (ignoring
 * case): one of its strings, or for `default` none of the others; undefined for any other `case`.
 */
export function caseBranchGuards(expr: CaseExpression): BranchGuard[] | undefined {
  const { test } = expr;
  if (test.kind !== 'Variable' || test.booleanName) return undefined;
  const values = expr.options.flatMap((option) => option.values);
  if (!values.every((value) => value.kind === 'String' || value.kind === 'Default'))
    return undefined;
  const options = expr.options.map(({ values: written }) =>
    written.length === 1 && written[0]?.kind === 'Default'
      ? ('default' as const)
      : written.map((value) => (value.kind === 'String' ? value.value : undefined)),
  );
  return caseOptionGuards(test.name.replace(/^::/, ''), options, true).map(
    (ways) => ways && { ways },
  );
}

function oneWay(guards: FlagGuard[]): BranchGuard {
  return { ways: [guards] };
}

/**
 * The variable a condition tests for truth, and the answer that takes the `if` branch:
 * `$manage_root`, `! $legacy`, `($x)`, read by Puppet's truth (anything but undef and false).
 */
function flagTested(test: Expression, unless: boolean): FlagGuard | undefined {
  if (test.kind === 'Unary' && test.operator === 'paren') return flagTested(test.expr, unless);
  if (test.kind === 'Unary' && test.operator === 'not') return flagTested(test.expr, !unless);
  if (test.kind === 'Binary' && (test.operator === '==' || test.operator === '!=')) {
    const compared = comparedWithString(test.left, test.right);
    // Puppet compares strings without regard to case.
    return compared
      ? {
          name: compared.name,
          test: { equals: compared.value, ignoringCase: true },
          when: (test.operator === '==') !== unless,
        }
      : undefined;
  }
  if (test.kind !== 'Variable' || test.booleanName) return undefined;
  return { name: test.name.replace(/^::/, ''), test: 'set', when: !unless };
}

/** `$mode == 'lab'`, either way round: the variable and the string. */
function comparedWithString(
  left: Expression,
  right: Expression,
): { name: string; value: string } | undefined {
  const [variable, literal] = left.kind === 'Variable' ? [left, right] : [right, left];
  if (variable.kind !== 'Variable' || variable.booleanName || literal.kind !== 'String')
    return undefined;
  return { name: variable.name.replace(/^::/, ''), value: literal.value };
}

/**
 * A condition that picks nodes by their facts, alone or joined by `and` to parts that do and at
 * most one variable's truth (`$facts['os']['family'] == 'Debian' and $lab`): that test.
 */
function nodesAndFlag(test: Expression): { flag?: FlagGuard } | undefined {
  const parts = readParts(conjuncts(test), selectsNodes, (part) => flagTested(part, false));
  if (!parts?.picksHosts || parts.flags.length > 1) return undefined;
  const [flag] = parts.flags;
  return flag ? { flag } : {};
}

/**
 * A condition whose parts `or` joins (`$lab or $legacy`, `$lab and $x11 or $legacy`), each
 * flags and tests that pick nodes joined by `and`: the flags of each way it holds, none for a
 * way that only picks nodes. Undefined where any part is something else, or past
 * `MAX_FLAG_WAYS`.
 */
function orWays(test: Expression): FlagGuard[][] | undefined {
  const parts = disjuncts(test);
  if (parts.length < 2 || parts.length > MAX_FLAG_WAYS) return undefined;
  const ways: FlagGuard[][] = [];
  for (const part of parts) {
    const read = readParts(conjuncts(part), selectsNodes, (flag) => flagTested(flag, false));
    if (!read) return undefined;
    ways.push(read.flags);
  }
  return ways;
}

/** The parts `and` joins, through parentheses. */
function conjuncts(test: Expression): Expression[] {
  return joined(test, 'and');
}

/** The parts `or` joins, through parentheses. */
function disjuncts(test: Expression): Expression[] {
  return joined(test, 'or');
}

function joined(test: Expression, operator: 'and' | 'or'): Expression[] {
  if (test.kind === 'Unary' && test.operator === 'paren') return joined(test.expr, operator);
  if (test.kind === 'Binary' && test.operator === operator)
    return [...joined(test.left, operator), ...joined(test.right, operator)];
  return [test];
}
