/**
 * The security surfaces a change can touch and the risk levels a change is given: the words
 * the policy (`review.surfaces`, `review.min_risk`) and the reports share with the impact step.
 */
export const SURFACES = [
  'users-and-privileges',
  'ssh',
  'sudo',
  'firewall-and-network',
  'tls-and-crypto',
  'package-sources',
  'secrets',
  'file-permissions',
  'services',
  'containers',
  'security-controls',
] as const;
export type Surface = (typeof SURFACES)[number];

export const SURFACE_LABELS: Record<Surface, string> = {
  'users-and-privileges': 'Users and privileges',
  ssh: 'SSH',
  sudo: 'sudo',
  'firewall-and-network': 'Firewall and network exposure',
  'tls-and-crypto': 'TLS and crypto',
  'package-sources': 'Package sources',
  secrets: 'Secrets',
  'file-permissions': 'File permissions',
  services: 'Services',
  containers: 'Containers',
  'security-controls': 'Host security controls (SELinux, AppArmor, auditing)',
};

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}
