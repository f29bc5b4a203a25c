import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'security-control-disabled',
  title: 'Host security control disabled',
  severity: 'high',
  category: 'security-control-disabled',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'SELinux or AppArmor is switched off or to permissive, or the host firewall or audit daemon is stopped or disabled, directly or through the variable that a task or resource takes its mode from. These controls contain a compromise and record what happened; turning them off is rarely the right fix for the problem at hand.',
  remediation:
    'Keep the control enforcing and fix the specific denial instead: an SELinux boolean or file context (`seboolean`, `sefcontext`), an AppArmor profile change, or a firewall rule for the port that must be open.',
  cwe: 'CWE-693',
  catalog: ['NET-04', 'LOG-01', 'LOG-07', 'HARD-01', 'HARD-02'],
};
