import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'legacy-network-service',
  title: 'Cleartext legacy network service installed or started',
  severity: 'high',
  category: 'legacy-network-service',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A task or resource installs or starts the server of a legacy remote service: telnet, rsh/rlogin/rexec, the NIS server ypserv, a TFTP server, or an inetd super-server that starts such services on demand. They send logins and data in clear text, trust the network to say who is asking, or hand files and password maps to anyone who asks. Clients (`telnet`, `rsh-client`) are not flagged.',
  remediation:
    'Remove the server (`state: absent`, `ensure => absent`, `action :remove`) and use SSH for remote shells and file copies, LDAP or SSSD over TLS instead of NIS, and HTTPS instead of TFTP where the clients allow it; keep a TFTP server that network booting needs on the provisioning network only.',
  cwe: 'CWE-319',
  catalog: ['NET-07'],
};
