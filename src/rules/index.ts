/**
 * The rule registry, sorted by id. Adding a rule: a folder with `rule.ts`, `README.md` and
 * fixtures, and one line here; the meta-test checks the rest.
 */
import type { Rule } from './rule.js';
import { adminByDefault } from './admin-by-default/rule.js';
import { configDeployedWithoutValidation } from './config-deployed-without-validation/rule.js';
import { databaseWithoutAuthentication } from './database-without-authentication/rule.js';
import { emptyPassword } from './empty-password/rule.js';
import { hardCodedSecret } from './hard-coded-secret/rule.js';
import { httpWithoutTls } from './http-without-tls/rule.js';
import { insecureFilePermissions } from './insecure-file-permissions/rule.js';
import { insecureSshServer } from './insecure-ssh-server/rule.js';
import { invalidIpBinding } from './invalid-ip-binding/rule.js';
import { kernelHardeningDisabled } from './kernel-hardening-disabled/rule.js';
import { legacyNetworkService } from './legacy-network-service/rule.js';
import { missingDefaultCase } from './missing-default-case/rule.js';
import { missingIntegrityCheck } from './missing-integrity-check/rule.js';
import { pipeToShell } from './pipe-to-shell/rule.js';
import { privilegedContainer } from './privileged-container/rule.js';
import { rootUidAccount } from './root-uid-account/rule.js';
import { securityControlDisabled } from './security-control-disabled/rule.js';
import { sensitiveFilePermissions } from './sensitive-file-permissions/rule.js';
import { sshHostKeyCheckingDisabled } from './ssh-host-key-checking-disabled/rule.js';
import { sudoNopasswd } from './sudo-nopasswd/rule.js';
import { suspiciousComment } from './suspicious-comment/rule.js';
import { tlsVerificationDisabled } from './tls-verification-disabled/rule.js';
import { unsignedPackageSource } from './unsigned-package-source/rule.js';
import { weakAuthenticationPolicy } from './weak-authentication-policy/rule.js';
import { weakCrypto } from './weak-crypto/rule.js';
import { webServerInformationLeak } from './web-server-information-leak/rule.js';

export const RULES: readonly Rule[] = [
  adminByDefault,
  configDeployedWithoutValidation,
  databaseWithoutAuthentication,
  emptyPassword,
  hardCodedSecret,
  httpWithoutTls,
  insecureFilePermissions,
  insecureSshServer,
  invalidIpBinding,
  kernelHardeningDisabled,
  legacyNetworkService,
  missingDefaultCase,
  missingIntegrityCheck,
  pipeToShell,
  privilegedContainer,
  rootUidAccount,
  securityControlDisabled,
  sensitiveFilePermissions,
  sshHostKeyCheckingDisabled,
  sudoNopasswd,
  suspiciousComment,
  tlsVerificationDisabled,
  unsignedPackageSource,
  weakAuthenticationPolicy,
  weakCrypto,
  webServerInformationLeak,
];

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
