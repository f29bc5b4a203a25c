/**
 * A Jinja2 condition that tests one variable: its truth (`x11`), through Ansible's `bool` filter
 * (`x11 | bool`, `(x11 | bool)`), or against a string (`mode == 'on'`, `mode != "off"`), any of
 * them under `not` (a filter and a comparison bind before it), or whether it is defined
 * (`x11 is defined`). Any other condition (another test, two variables, a comparison with a
 * number) is not one, and what it decides is not known.
 */
import type { VariableTest } from '../../model/model.js';

export interface FlagTest {
  /** the variable, dotted for a key of a mapping (`ssh.x11`) */
  name: string;
  test: VariableTest;
  /** `not x11`, `mode != 'on'`: the condition holds when the test fails */
  negated: boolean;
}

const FLAG_TEST =
  /^(not\s+)?(\(?)\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*(?:(\|\s*bool)|(==|!=)\s*(?:'([^']*)'|"([^"]*)"))?\s*(\)?)$/;
/** Jinja2's literals, which are no variable. */
const LITERALS: ReadonlySet<string> = new Set(['true', 'false', 'none', 'True', 'False', 'None']);

/**
 * `x is defined`. Not its negation: where a definition reaches only some hosts (a host's vars),
 * `x is not defined` holds on the others, so no definition keeps such a line out.
 */
const DEFINED_TEST = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s+is\s+defined$/;

export function readFlagTest(condition: string): FlagTest | undefined {
  const tested = DEFINED_TEST.exec(condition.trim())?.[1];
  if (tested !== undefined && !LITERALS.has(tested))
    return { name: tested, test: 'defined', negated: false };
  const parts = FLAG_TEST.exec(condition.trim());
  const name = parts?.[3];
  // Parentheses are the whole test's or none at all.
  if (!name || (parts[2] === '') !== (parts[8] === '') || LITERALS.has(name)) return undefined;
  const operator = parts[5];
  const literal = parts[6] ?? parts[7];
  const test: VariableTest =
    operator && literal !== undefined ? { equals: literal } : parts[4] ? 'bool' : 'truth';
  return { name, test, negated: (parts[1] !== undefined) !== (operator === '!=') };
}
