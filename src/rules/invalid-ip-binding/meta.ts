import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'invalid-ip-binding',
  title: 'Service bound to every interface',
  severity: 'medium',
  category: 'invalid-ip-binding',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "A service is told to listen on `0.0.0.0` or `::`, every network interface of the host, including public ones. Admin and data services (databases, caches, dashboards, metrics) are then reachable from anywhere the host is. Also read from the configuration files the code deploys for MySQL and MariaDB (`bind-address`), PostgreSQL (`listen_addresses = '*'`), Redis (`bind 0.0.0.0`) and MongoDB (`net.bindIp`, `bindIpAll`); a value given by a variable is reported where the variable is set.",
  remediation:
    'Bind to the specific address the service must be reachable on (the internal or management interface, or `127.0.0.1` when only local clients use it), and restrict the rest with a firewall.',
  cwe: 'CWE-1327',
  catalog: ['NET-01', 'NET-02'],
};
