/**
 * A Jinja2 condition that asks only what the host is: its facts (`ansible_os_family ==
 * 'Debian'`, `ansible_facts['distribution_major_version'] | int >= 8`), its name or its groups
 * (`'bastion' in group_names`). Such a condition picks the hosts a task or a line is for; on
 * those hosts it always applies, so what it writes is judged as if written unconditionally. A
 * condition that reads any other variable is an option someone sets, and is not one.
 */

/** The names of what Ansible knows of the host it runs on. */
const HOST_NAME = /^(?:ansible_\w+|inventory_hostname(?:_short)?|group_names|groups)$/;

/** Jinja2's operators and literals written as words. */
const WORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'true',
  'false',
  'none',
  'True',
  'False',
  'None',
]);

const QUOTED = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
/** Keys after a dot, filters after `|` and tests after `is` or `is not`: none is a variable. */
const NOT_VARIABLES = /\.\s*[A-Za-z_]\w*|\|\s*[A-Za-z_]\w*|\bis\s+(?:not\s+)?[A-Za-z_]\w*/g;
const NAME = /[A-Za-z_]\w*/g;

export function selectsHosts(condition: string): boolean {
  const names = condition.replace(QUOTED, "''").replace(NOT_VARIABLES, ' ').match(NAME) ?? [];
  let host = false;
  for (const name of names) {
    if (HOST_NAME.test(name)) host = true;
    else if (!WORDS.has(name)) return false;
  }
  return host;
}
