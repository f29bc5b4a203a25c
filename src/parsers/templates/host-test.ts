/**
 * A Jinja2 condition that asks only what the host is: its facts (`ansible_os_family ==
 * 'Debian'`, `ansible_facts['distribution_major_version'] | int >= 8`), its name or its groups
 * (`'bastion' in group_names`), or, in a task, what an earlier task found on it and registered
 * (`sshd_check.rc != 0`, `config is changed`). Such a condition picks the hosts a task or a line
 * is for; on those hosts it always applies, so what it writes is judged as if written
 * unconditionally. A condition that reads any other variable is an option someone sets, and is
 * not one.
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

const NO_NAMES: ReadonlySet<string> = new Set();

/** `registered`: the names earlier tasks register what they found on the host under. */
export function selectsHosts(
  condition: string,
  registered: ReadonlySet<string> = NO_NAMES,
): boolean {
  const names = condition.replace(QUOTED, "''").replace(NOT_VARIABLES, ' ').match(NAME) ?? [];
  let host = false;
  for (const name of names) {
    if (HOST_NAME.test(name) || registered.has(name)) host = true;
    else if (!WORDS.has(name)) return false;
  }
  return host;
}
