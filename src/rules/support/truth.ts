/**
 * Whether a literal value is true to the test a template puts it to: Ansible's `bool` filter
 * (`true`, `1` and the strings `yes`, `on`, `1`, `true`, in any case, are true; any other value
 * is false) or Jinja2's truth (a non-empty string, `"no"` included, a non-zero number, a
 * non-empty list).
 */
import type { FlagGuard, Value } from '../../model/model.js';

/** The strings Ansible's `bool` filter takes as true, in any case. */
const BOOL_TRUE_STRINGS: ReadonlySet<string> = new Set(['yes', 'on', '1', 'true']);

/** Undefined for a value computed at run time, or one whose truth is not written (a mapping). */
export function truthOf(test: FlagGuard['test'], value: Value): boolean | undefined {
  if (value.dynamic) return undefined;
  const { kind } = value;
  if (kind === 'null') return false;
  if (kind === 'boolean') return value.value === true;
  if (kind === 'number') return test === 'bool' ? value.value === 1 : value.value !== 0;
  if (kind === 'string' && typeof value.value === 'string')
    return test === 'bool'
      ? BOOL_TRUE_STRINGS.has(value.value.trim().toLowerCase())
      : value.value !== '';
  if (kind === 'list') return test === 'truth' && (value.items?.length ?? 0) > 0;
  return undefined;
}
