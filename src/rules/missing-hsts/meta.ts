import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'missing-hsts',
  title: 'TLS web server without HSTS',
  severity: 'low',
  category: 'web-server-hardening',
  languages: ['ansible', 'puppet', 'chef'],
  optIn: true,
  description:
    'An nginx `server` block or Apache `VirtualHost` the code deploys serves TLS (`listen 443 ssl`, `ssl on`, `SSLEngine on`) and sets no `Strict-Transport-Security` header, or a Puppet `apache::vhost` / `nginx::resource::server` has `ssl => true` and no such header in `headers` / `add_header`. Without HSTS a browser keeps reaching the site over plain HTTP first, where an attacker on the network can strip the redirect to HTTPS (SSL stripping). Blocks and files that include other files, or render parts from other templates, are left out: the header may be set there.',
  remediation:
    'nginx: `add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;` in the TLS `server` block. Apache httpd: `Header always set Strict-Transport-Security "max-age=31536000; includeSubDomains"` in the TLS virtual host (with `mod_headers`). Puppet: the same header in `apache::vhost`\'s `headers` or `nginx::resource::server`\'s `add_header`.',
  cwe: 'CWE-319',
  catalog: ['TLS-11'],
};
