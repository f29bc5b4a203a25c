import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'committed-certificate',
  title: 'Expired or self-signed certificate committed',
  severity: 'high',
  category: 'tls-verification-disabled',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "A PEM certificate written out in the code (an Ansible `copy: content:` or a variable, a Puppet `file { content => ... }`, a Chef `file` resource's `content`, a template) has expired, or is a self-signed server certificate (not a CA, or made for a host name): one no client can verify. An expired certificate breaks every client that checks it, or is a leftover nobody rotates; a self-signed server certificate teaches clients to turn verification off, which lets anyone on the path impersonate the server. The certificate is decoded, never executed; one whose body a template fills in is left out.",
  remediation:
    "Issue the server certificate from a CA the clients trust (an internal CA whose root they carry, or ACME/Let's Encrypt), keep it out of the code (deploy it from a secrets store or have the host request it), and renew it before it expires. Remove certificates that are no longer used.",
  cwe: 'CWE-295',
  catalog: ['TLS-10'],
};
