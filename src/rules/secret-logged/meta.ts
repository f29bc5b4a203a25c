import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'secret-logged',
  title: 'Secret written to logs',
  severity: 'medium',
  category: 'secret-exposure',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "A password, token or key is printed in the run's output, which ends up in CI logs, Puppet reports, Chef run reports and log files that far more people can read than the secret store: an Ansible loop whose items hold a secret (Ansible shows each item beside its result, whatever the module masks), `debug` of a secret, `ansible.cfg` settings that print task arguments or keep the output in a file, a Chef template or file given a secret without `sensitive true`, a Puppet config setting or file content holding a secret without `secret => true`, `Sensitive()` or `show_diff => false`.",
  remediation:
    'Hide the value where it is printed: `no_log: true` on the Ansible task (or a `loop_control.label` that names the item without its secret), `sensitive true` on the Chef resource, `Sensitive()` around the Puppet value (or `secret => true` on openstacklib config types, `show_diff => false` on files). In `ansible.cfg`, leave `display_args_to_stdout` off and keep `log_path` only where the log is protected like the secrets in it.',
  cwe: 'CWE-532',
  catalog: ['SEC-05', 'SEC-06', 'SEC-07'],
};
