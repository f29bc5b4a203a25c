import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'cloud-audit-logging-disabled',
  title: 'Cloud or network audit logging turned off',
  severity: 'high',
  category: 'security-control-disabled',
  languages: ['ansible'],
  description:
    'A task turns off the record of what happens in a cloud account or on the network: a CloudTrail trail stopped (`enable_logging: false`) or deleted, S3 server access logging removed, load-balancer access logs disabled, a PAN-OS security rule that no longer logs its sessions, Google Cloud firewall or subnet flow logs turned off, or `no logging on` on a network device. Without it an intrusion leaves no trail to detect it by or investigate it with, and stopping it is a step attackers take first.',
  remediation:
    'Keep CloudTrail logging in every region (`enable_logging: true`, a multi-region trail with log file validation), bucket and load-balancer access logs on and sent to a bucket the workload cannot write, firewall rules logging at session end, and device logs sent to a log server. Turn off only what is replaced, and say where the replacement is.',
  cwe: 'CWE-778',
  catalog: ['LOG-06'],
};
