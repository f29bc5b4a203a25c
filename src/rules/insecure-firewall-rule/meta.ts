import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'insecure-firewall-rule',
  title: 'Firewall rule exposes a management port, names hosts by DNS or locks out management',
  severity: 'high',
  category: 'network-exposure',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A firewall rule (Ansible `firewalld`, `ufw`, `iptables`, AWS, OpenStack security groups; Puppet `firewall`, `firewalld_port`, `firewalld_service`, `ufw::allow`; Chef `firewall_rule`) admits a database, cache, remote desktop, WinRM, Docker, etcd or kubelet port from every address (no source, or `0.0.0.0/0`); SSH counts in cloud security groups only. Also flagged, at low severity: a source or destination written as a DNS name, which the firewall resolves once when it loads the rule, and a deny-all policy or rule with no earlier rule in the file keeping SSH open, which cuts off management when it is applied.',
  remediation:
    'Give the rule a `source` (`from_ip`, `cidr_ip`, `remote_ip_prefix`) naming the application servers or the management network, or put it in a firewalld zone bound to them; write addresses or networks rather than host names; allow SSH from the management network before a default-deny policy.',
  cwe: 'CWE-284',
  catalog: ['NET-03', 'NET-05', 'NET-06'],
};
