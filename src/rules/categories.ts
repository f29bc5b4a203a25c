/** The fixed list of finding categories. Categories are added over time, never renamed. */
export const CATEGORIES = [
  'hard-coded-secret',
  'empty-password',
  'admin-by-default',
  'invalid-ip-binding',
  'suspicious-comment',
  'http-without-tls',
  'missing-integrity-check',
  'weak-crypto',
  'tls-verification-disabled',
  'insecure-file-permissions',
  'pipe-to-shell',
  'unsigned-package-source',
  'security-control-disabled',
  'sudo-nopasswd',
  'missing-default-case',
  'ssh-host-key-checking-disabled',
  'policy-change',
  'privileged-account',
  'insecure-ssh-server',
  'kernel-hardening-disabled',
  'database-without-authentication',
  'web-server-hardening',
  'config-deployed-without-validation',
  'legacy-network-service',
  'sensitive-file-permissions',
  'weak-authentication-policy',
  'privileged-container',
  'command-injection',
  'privilege-escalation',
  'unpinned-dependency',
  'deprecated-module',
  'unapproved-module',
  'secret-exposure',
  'unencrypted-storage',
  'public-cloud-exposure',
  'network-exposure',
  'unsafe-file-operation',
  'cleartext-transmission',
  'shell-hygiene',
] as const;

export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
