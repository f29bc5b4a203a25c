import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'insecure-file-permissions',
  title: 'World-writable or mistyped file mode',
  severity: 'high',
  category: 'insecure-file-permissions',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A file or directory is made writable by every user (`0777`, `0666`, `o+w`), so any local account or compromised service can change it: configuration, scripts and binaries become a way to escalate privileges. A numeric mode without a leading zero (`mode: 644` unquoted) is read as a decimal number and sets unexpected bits.',
  remediation:
    "Give the least access that works (`0644` for files, `0755` for directories and programs, `0600`/`0640` for secrets) and write modes as quoted octal strings (`mode: '0644'`) or symbolically (`u=rw,g=r,o=r`).",
  cwe: 'CWE-732',
  catalog: ['FILE-01', 'FILE-04'],
};
