/**
 * The condition of an ERB (Ruby) or EPP (Puppet) tag that tests one variable: `if @x11`,
 * `unless @x11`, `elsif scope['ssh::x11']`, `if !node['ssh']['x11']`, `if @mode == 'on'`, and in
 * EPP `if $x11 {`, `} elsif !$x11 {`, `unless $x11 {`. What the operand names is read by the
 * deploying language (`@x11` is a class's `x11` in Puppet, a template variable in Chef); any
 * other condition (a method call, a comparison with a number, two operands) is not one.
 */
import type { EmbeddedCode } from './erb-tags.js';

export interface ErbCondition {
  /** the code that names the variable, as an output tag would write it (`@x11`, `$x11`) */
  operand: string;
  /** `unless`, `!`, `not`: the block is rendered when the test fails */
  negated: boolean;
  /** `== 'on'`, in ERB only (Puppet compares strings without regard to case) */
  equals?: string;
}

const RUBY_CONDITION =
  /^(if|elsif|unless)\s+(!\s*|not\s+)?(@[a-z_]\w*|scope\[\s*['"][\w:]+['"]\s*\]|node(?:\[\s*['":]?[\w-]+['"]?\s*\])+)(?:\s*==\s*(?:'([^']*)'|"([^"]*)"))?(?:\s+then)?$/;
const PUPPET_CONDITION =
  /^(?:\}\s*)?(if|elsif|unless)\s+(!\s*)?(\$(?:::)?[a-z_]\w*(?:::\w+)*)\s*\{$/;

export function readErbCondition(code: string, language: EmbeddedCode): ErbCondition | undefined {
  const parts = (language === 'ruby' ? RUBY_CONDITION : PUPPET_CONDITION).exec(code.trim());
  const operand = parts?.[3];
  if (!operand) return undefined;
  const equals = parts[4] ?? parts[5];
  return {
    operand,
    negated: (parts[1] === 'unless') !== (parts[2] !== undefined),
    ...(equals !== undefined ? { equals } : {}),
  };
}
