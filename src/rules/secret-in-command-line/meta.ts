import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'secret-in-command-line',
  title: 'Secret interpolated into a command line',
  severity: 'medium',
  category: 'secret-exposure',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "A password, token or key is written into the text of a command (`shell: mysql -p{{ mysql_root_password }}`, `exec { command => \"... ${db_password}\" }`, `execute \"... #{node['app']['password']}\"`). While the command runs, every user of the host can read its arguments in the process list (`ps`, `/proc/<pid>/cmdline`), and the command text is written to the run's output, reports and logs, where `no_log` or `sensitive` do not reach the process list.",
  remediation:
    'Hand the secret to the program another way: through its standard input (`stdin:` in Ansible), an environment variable the task or resource sets (`environment:`, `environment =>`), or a credentials file with a tight mode (`~/.my.cnf`, `--defaults-extra-file`, `--password-file`). Prefer the module or resource type made for the job (`mysql_user`, `postgresql_user`), which keeps the secret off the command line.',
  cwe: 'CWE-214',
  catalog: ['SEC-08'],
};
