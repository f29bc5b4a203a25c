import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'setuid-file',
  title: 'Setuid or setgid bit on a root-owned file',
  severity: 'high',
  category: 'insecure-file-permissions',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A task or resource gives a root-owned file the setuid bit (`4755`, `u+s`) or the setgid bit of a root group (`2755`, `g+s`): every local user who runs it runs it as root, so a bug, an environment variable it trusts or a shell escape in it is a local privilege escalation. Programs the distribution ships setuid (`su`, `sudo`, `passwd`, `ping`...) and setgid directories are not flagged.',
  remediation:
    'Drop the special bit (`0755`). If the program needs one privileged operation, give it a file capability (`setcap cap_net_bind_service+ep`), run it as a service, or allow the exact command through sudo.',
  cwe: 'CWE-250',
  catalog: ['FILE-02'],
};
