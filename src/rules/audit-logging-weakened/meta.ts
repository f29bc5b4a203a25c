import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'audit-logging-weakened',
  title: 'Audit daemon set to lose records',
  severity: 'medium',
  category: 'security-control-disabled',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'An `auditd.conf` the code deploys (a template, a file, a line written with `lineinfile`/`file_line`/`replace_or_add`) stops the audit daemon writing records (`write_logs = no`), or tells it to ignore a full disk or write errors (`disk_full_action = ignore`, `disk_error_action = ignore`); at low severity, it deletes old logs when the disk fills (`disk_full_action = rotate`) or never warns that space is running out (`space_left_action = ignore`, `admin_space_left_action = ignore`). The audit log is what an investigation reads; these settings let it go silent, often exactly when an attacker fills the disk. When a variable gives the value, the finding is on the line that sets the variable.',
  remediation:
    'Keep `write_logs = yes`; set `space_left_action = email` or `syslog` so someone is told, `admin_space_left_action = suspend` or `single`, and `disk_full_action` and `disk_error_action` to `suspend`, `single` or `halt` as the host’s role allows; give the audit log its own partition.',
  cwe: 'CWE-778',
  catalog: ['LOG-02'],
};
