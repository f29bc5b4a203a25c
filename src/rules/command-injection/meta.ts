import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'command-injection',
  title: 'Caller-supplied value put into a shell command unquoted',
  severity: 'high',
  category: 'command-injection',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A shell command is built by interpolating a value that the code does not control: the answer to an Ansible `vars_prompt` or the output of an earlier command, the title or a free-text parameter of a Puppet defined type, a free-text property of a Chef custom resource. The shell reads the value as code, so one holding `;`, a quote or `$(...)` runs commands of its own, usually as root.',
  remediation:
    "Quote the value for the shell (`| quote` in Jinja, `shellquote()` in Puppet, `Shellwords.escape` in Ruby), or avoid the shell: Ansible `command` with `argv`, a Puppet `exec` command given as an array, a Chef `execute` command given as an array. Constraining the parameter's type (`Integer`, `Enum[...]`, `Pattern[...]`, `equal_to:`) also works.",
  cwe: 'CWE-78',
  catalog: ['PRIV-09'],
};
