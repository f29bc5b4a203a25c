import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'web-server-information-leak',
  title: 'Web server leaks its version, folder listings or request headers',
  severity: 'low',
  category: 'web-server-hardening',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "An nginx or Apache httpd configuration the code deploys (a template, a file, a line written with `lineinfile`/`file_line`) turns on what tells an attacker more than a visitor needs: the server's version in headers and error pages (nginx `server_tokens on`, Apache `ServerTokens Full`, `OS` or `Minimal`, `ServerSignature On`), listings of folders without an index page (`autoindex on`), or the TRACE method (`TraceEnable On`). When a variable gives the value, the finding is on the line that sets the variable and names where the value lands.",
  remediation:
    'Set `server_tokens off` and leave `autoindex` off in nginx (turn listings on only in the `location` that serves a download area); set `ServerTokens Prod`, `ServerSignature Off` and `TraceEnable Off` in Apache httpd.',
  cwe: 'CWE-200',
  catalog: ['HARD-11'],
};
