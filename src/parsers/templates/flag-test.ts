/**
 * A Jinja2 condition that tests one variable's truth: `x11`, `x11 | bool`, `(x11 | bool)`,
 * `not x11`, `not x11 | bool` (a filter binds before `not`). Any other condition (a comparison,
 * a test such as `is defined`, two variables) is not one, and what it decides is not known.
 */

export interface FlagTest {
  /** the variable, dotted for a key of a mapping (`ssh.x11`) */
  name: string;
  /** by Ansible's `bool` filter, or by Jinja2's truth */
  test: 'bool' | 'truth';
  /** `not x11`: the condition holds when the variable is false */
  negated: boolean;
}

const FLAG_TEST = /^(not\s+)?(\(?)\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*(\|\s*bool\s*)?(\)?)$/;
/** Jinja2's literals, which are no variable. */
const LITERALS: ReadonlySet<string> = new Set(['true', 'false', 'none', 'True', 'False', 'None']);

export function readFlagTest(condition: string): FlagTest | undefined {
  const parts = FLAG_TEST.exec(condition.trim());
  const name = parts?.[3];
  // Parentheses are the whole test's or none at all.
  if (!name || (parts[2] === '') !== (parts[5] === '') || LITERALS.has(name)) return undefined;
  return { name, test: parts[4] ? 'bool' : 'truth', negated: parts[1] !== undefined };
}
