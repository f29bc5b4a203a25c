import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'network-device-cleartext-management',
  title: 'Network device managed in clear text',
  severity: 'high',
  category: 'legacy-network-service',
  languages: ['ansible'],
  description:
    "A task configures a switch, router or firewall to be managed over a clear-text protocol or with weak VPN cryptography: Telnet on the vty lines (`transport input telnet`), NX-OS `feature telnet`, EOS `management telnet`, Junos `system services telnet`; the HTTP management server (`ip http server`, eAPI or NX-API over `http`, Junos `web-management http`, PAN-OS management profiles with `http` or `telnet`); SNMP v1/v2c with the community `public` or `private`; or IKE/IPsec with DES, 3DES, MD5 or Diffie-Hellman group 1, 2 or 5. Whoever can watch the management network reads the administrator's password and the device's configuration.",
  remediation:
    'Manage devices over SSH (`transport input ssh`), HTTPS (`ip http secure-server`, `protocol https`) and SNMPv3 with authentication and privacy, from a management network. For IKE and IPsec use AES-GCM or AES-CBC with SHA-256 or better and Diffie-Hellman group 14, 19 or 20 or stronger.',
  cwe: 'CWE-319',
  catalog: ['NET-08'],
};
