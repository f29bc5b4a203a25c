import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'tls-verification-disabled',
  title: 'TLS certificate verification disabled',
  severity: 'high',
  category: 'tls-verification-disabled',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'Certificate checking is turned off for a download, API call, repository or client (`validate_certs: no`, `sslverify=0`, `curl -k`, `wget --no-check-certificate`), directly or through the variable a task or resource takes the setting from. The connection is still encrypted, but to whoever answers: a man in the middle can serve anything.',
  remediation:
    'Keep verification on. If the server uses a private CA, give the client that CA (`ca_path`, `sslcacert`, `--cacert`) instead of turning checks off.',
  cwe: 'CWE-295',
  catalog: ['TLS-01', 'TLS-02', 'TLS-04', 'CONT-06'],
};
