/**
 * The condition of an ERB (Ruby) or EPP (Puppet) tag that tests one variable: `if @x11`,
 * `unless @x11`, `elsif scope['ssh::x11']`, `if !node['ssh']['x11']`, `if @mode == 'on'`, and in
 * EPP `if $x11 {`, `} elsif !$x11 {`, `unless $x11 {`, `if $mode == 'lab' {` (ignoring case, as
 * Puppet compares strings). What the operand names is read by the deploying language (`@x11` is
 * a class's `x11` in Puppet, a template variable in Chef); any other condition (a method call, a
 * comparison with a number, two operands) is not one.
 */
import type { EmbeddedCode } from './erb-tags.js';

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

const RUBY_CONDITION =
  /^(if|elsif|unless)\s+(!\s*|not\s+)?(@[a-z_]\w*|scope\[\s*['"][\w:]+['"]\s*\]|node(?:\[\s*['":]?[\w-]+['"]?\s*\])+)(?:\s*==\s*(?:'([^']*)'|"([^"]*)"))?(?:\s+then)?$/;
const PUPPET_CONDITION =
  /^(?:\}\s*)?(if|elsif|unless)\s+(!\s*)?(\$(?:::)?[a-z_]\w*(?:::\w+)*)(?:\s*(==|!=)\s*(?:'([^']*)'|"([^"]*)"))?\s*\{$/;

export function readErbCondition(code: string, language: EmbeddedCode): ErbCondition | undefined {
  if (language === 'puppet') return readEppCondition(code);
  const parts = RUBY_CONDITION.exec(code.trim());
  const operand = parts?.[3];
  if (!operand) return undefined;
  const equals = parts[4] ?? parts[5];
  return {
    operand,
    negated: (parts[1] === 'unless') !== (parts[2] !== undefined),
    ...(equals !== undefined ? { equals } : {}),
  };
}

/** EPP's `if $x11 {`, `} elsif $mode == 'lab' {`, `unless $mode != 'lab' {`. */
function readEppCondition(code: string): ErbCondition | undefined {
  const parts = PUPPET_CONDITION.exec(code.trim());
  const operand = parts?.[3];
  const operator = parts?.[4];
  // `!$mode == 'lab'` compares a Boolean with a string: never equal.
  if (!operand || (operator && parts[2] !== undefined)) return undefined;
  const negated = (parts[1] === 'unless') !== (parts[2] !== undefined || operator === '!=');
  const equals = parts[5] ?? parts[6];
  return {
    operand,
    negated,
    ...(operator && equals !== undefined ? { equals, ignoringCase: true as const } : {}),
  };
}
