/**
 * The condition of an ERB (Ruby) or EPP (Puppet) tag read as tests of one variable each: `if
 * @x11`, `unless @x11`, `elsif scope['ssh::x11']`, `if !node['ssh']['x11']`, `if @mode == 'on'`,
 * and in EPP `if $x11 {`, `} elsif !$x11 {`, `unless $x11 {`, `if $mode == 'lab' {` (ignoring
 * case, as Puppet compares strings), joined by `&&` and `||` (or Ruby's `and` and `or`, one of
 * the two kinds in a condition), or EPP's `and` and `or`, beside parts that ask what the host is
 * (`erb-host-test.ts`). What an operand names is read by the deploying language (`@x11` is a
 * class's `x11` in Puppet, a template variable in Chef); a condition with any other part (a
 * method call, a comparison with a number, brackets) is not read.
 */
import type { EmbeddedCode } from './erb-tags.js';
import { erbConditionSelectsHosts } from './erb-host-test.js';
import { splitOnOperator } from './top-level-parts.js';

export interface ErbCondition {
  /** the code that names the variable, as an output tag would write it (`@x11`, `$x11`) */
  operand: string;
  /** `unless`, `!`, `not`: the block is rendered when the test fails */
  negated: boolean;
  /** `== 'on'` (EPP's `!= 'on'` too, negated) */
  equals?: string;
  /** Puppet compares strings without regard to case */
  ignoringCase?: true;
}

/** One way a condition holds: all its tests pass, on the hosts its other parts pick. */
export interface ErbWay {
  picksHosts: boolean;
  tests: ErbCondition[];
}

/** A condition read as more ways than this is not read. */
const MAX_WAYS = 16;

const RUBY_TAG = /^(if|elsif|unless)\s+([\s\S]+?)(?:\s+then)?$/;
const PUPPET_TAG = /^(?:\}\s*)?(if|elsif|unless)\s+([\s\S]+?)\s*\{$/;
const RUBY_TEST =
  /^(!\s*|not\s+)?(@[a-z_]\w*|scope\[\s*['"][\w:]+['"]\s*\]|node(?:\[\s*['":]?[\w-]+['"]?\s*\])+)(?:\s*==\s*(?:'([^']*)'|"([^"]*)"))?$/;
const PUPPET_TEST =
  /^(!\s*)?(\$(?:::)?[a-z_]\w*(?:::\w+)*)(?:\s*(==|!=)\s*(?:'([^']*)'|"([^"]*)"))?$/;

/** A part of a condition: a test of one variable, or a question about the host. */
type Part = ErbCondition | 'host';

/** The ways the tag's condition holds; undefined where it is not read. */
export function readErbConditionWays(code: string, language: EmbeddedCode): ErbWay[] | undefined {
  const [, keyword, condition] =
    (language === 'ruby' ? RUBY_TAG : PUPPET_TAG).exec(code.trim()) ?? [];
  const operators = condition === undefined ? undefined : operatorsOf(condition, language);
  if (condition === undefined || !operators) return undefined;
  const ways: Part[][] = [];
  for (const alternative of splitOnOperator(condition, operators.or)) {
    const parts = splitOnOperator(alternative, operators.and).map((part) =>
      readPart(part, language),
    );
    if (parts.some((part) => part === undefined) || ways.length >= MAX_WAYS) return undefined;
    ways.push(parts as Part[]);
  }
  const holding = keyword === 'unless' ? negatedWays(ways) : ways;
  return holding?.map((parts) => ({
    picksHosts: parts.includes('host'),
    tests: parts.filter((part): part is ErbCondition => part !== 'host'),
  }));
}

/**
 * The operators that join the parts: EPP's `and` and `or`; Ruby's `&&` and `||`, or its `and`
 * and `or`, which bind alike and so are read only one kind to a condition and never beside the
 * others. Undefined where a Ruby condition mixes them.
 */
function operatorsOf(
  condition: string,
  language: EmbeddedCode,
): { and: string; or: string } | undefined {
  if (language === 'puppet') return { and: 'and', or: 'or' };
  const has = (operator: string) => splitOnOperator(condition, operator).length > 1;
  const words = [has('and'), has('or')].filter(Boolean).length;
  if (words === 0) return { and: '&&', or: '||' };
  return words === 1 && !has('&&') && !has('||') ? { and: 'and', or: 'or' } : undefined;
}

function readPart(part: string, language: EmbeddedCode): Part | undefined {
  if (erbConditionSelectsHosts(part, language)) return 'host';
  return language === 'ruby' ? readRubyTest(part) : readPuppetTest(part);
}

function readRubyTest(part: string): ErbCondition | undefined {
  const [, not, operand, single, double] = RUBY_TEST.exec(part) ?? [];
  if (!operand) return undefined;
  const equals = single ?? double;
  return { operand, negated: not !== undefined, ...(equals !== undefined ? { equals } : {}) };
}

/** EPP's `$x11`, `!$x11`, `$mode == 'lab'`, `$mode != 'lab'`. */
function readPuppetTest(part: string): ErbCondition | undefined {
  const [, not, operand, operator, single, double] = PUPPET_TEST.exec(part) ?? [];
  // `!$mode == 'lab'` compares a Boolean with a string: never equal.
  if (!operand || (operator && not !== undefined)) return undefined;
  const equals = single ?? double;
  return {
    operand,
    negated: not !== undefined || operator === '!=',
    ...(operator && equals !== undefined ? { equals, ignoringCase: true as const } : {}),
  };
}

/**
 * `unless`: the condition fails where, in every way, some part fails; a question about the host
 * still picks hosts (the others). Undefined past `MAX_WAYS`.
 */
function negatedWays(ways: readonly Part[][]): Part[][] | undefined {
  let negated: Part[][] = [[]];
  for (const way of ways) {
    if (negated.length * way.length > MAX_WAYS) return undefined;
    negated = negated.flatMap((before) =>
      way.map((part) => [...before, part === 'host' ? part : { ...part, negated: !part.negated }]),
    );
  }
  return negated;
}
