import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'template-code-execution',
  title: 'Template runs commands or evaluates code',
  severity: 'high',
  category: 'command-injection',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "Rendering a template or a template expression runs code: Ruby in an ERB template or in Puppet's `inline_template()` that shells out (backticks, `%x`, `system`, `IO.popen`) or evaluates text (`eval`, `instance_eval`); Puppet `generate()` with arguments built from variables, which runs a command on the Puppet server; Ansible `pipe` and `lines` lookups with a command built from variables, which run on the controller; `allow_unsafe_lookups` in `ansible.cfg`. Whoever sets the values runs code where the template renders, often a server that holds every node's secrets.",
  remediation:
    'Keep templates to formatting values: read facts and variables instead of running commands, and run any command a deployment needs as its own task or resource with its arguments quoted. Drop `eval` and `allow_unsafe_lookups`.',
  cwe: 'CWE-94',
  catalog: ['PRIV-12'],
};
