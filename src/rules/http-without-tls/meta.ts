import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'http-without-tls',
  title: 'Plain HTTP URL',
  severity: 'medium',
  category: 'http-without-tls',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A URL uses plain `http://` to reach another host. Whatever travels over it (packages, scripts, credentials, API calls) can be read and changed by anyone on the network path. A package repository whose packages are signature-checked is reported at low severity: the network sees what the host installs but cannot change it.',
  remediation:
    'Use `https://` (and keep certificate validation on). If the endpoint cannot serve TLS, verify what it delivers with a checksum or signature, and keep it on a trusted network.',
  cwe: 'CWE-319',
  catalog: ['TLS-03', 'SUP-03'],
  options: {
    allowed_hosts: {
      description:
        'hosts (globs) that may be reached over plain HTTP, such as an internal mirror on a trusted network',
      default: [],
    },
  },
};
