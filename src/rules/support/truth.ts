/**
 * Whether a literal value passes the test a template puts it to:
 * - Ansible's `bool` filter: `true`, `1` and the strings `yes`, `on`, `1`, `true`, in any case,
 *   pass; any other value fails;
 * - Jinja2's truth: a non-empty string (`"no"` included), a non-zero number, a non-empty list;
 * - Ruby's and Puppet's (`set`), in ERB and EPP templates: any value but nothing (`~`, undef)
 *   and `false`, so `""`, `0` and `"false"` pass;
 * - equality with a string (`x == 'yes'`): a string that is that string; Jinja2 and Puppet
 *   compare types too, so `true` is not `'yes'` and `1` is not `'1'`; Puppet compares strings
 *   without regard to case (`ignoringCase`);
 * - Jinja2's `is defined`: any value a definition sets, `~` included.
 */
import type { Value, VariableTest } from '../../model/model.js';

/** The strings Ansible's `bool` filter takes as true, in any case. */
const BOOL_TRUE_STRINGS: ReadonlySet<string> = new Set(['yes', 'on', '1', 'true']);

/** Undefined for a value computed at run time, or one whose answer is not written (a mapping). */
export function passes(test: VariableTest, value: Value): boolean | undefined {
  // Whatever a definition sets, even nothing (`x:`), the variable is defined.
  if (test === 'defined') return true;
  if (value.dynamic) return undefined;
  const { kind } = value;
  const text = kind === 'string' && typeof value.value === 'string' ? value.value : undefined;
  if (typeof test === 'object') {
    if (text !== undefined)
      return test.ignoringCase
        ? text.toLowerCase() === test.equals.toLowerCase()
        : text === test.equals;
    return kind === 'map' || kind === 'encrypted' ? undefined : false;
  }
  if (kind === 'null') return false;
  if (kind === 'boolean') return value.value === true;
  if (test === 'set') return true;
  if (kind === 'number') return test === 'bool' ? value.value === 1 : value.value !== 0;
  if (text !== undefined)
    return test === 'bool' ? BOOL_TRUE_STRINGS.has(text.trim().toLowerCase()) : text !== '';
  if (kind === 'list') return test === 'truth' && (value.items?.length ?? 0) > 0;
  return undefined;
}
