/**
 * The rule registry, sorted by id: each rule's code with its metadata. Adding a rule: a folder
 * with `meta.ts`, `rule.ts`, `README.md` and fixtures, one line here and one in `metadata.ts`
 * (the metadata alone, for what needs no code); the meta-test checks the rest.
 */
import type { Rule } from './rule.js';
import { adminByDefault } from './admin-by-default/rule.js';
import { ansiblePasswordConnection } from './ansible-password-connection/rule.js';
import { archiveKeepsSourceOwner } from './archive-keeps-source-owner/rule.js';
import { auditLoggingWeakened } from './audit-logging-weakened/rule.js';
import { automaticUpdatesDisabled } from './automatic-updates-disabled/rule.js';
import { becomeUserWithoutBecome } from './become-user-without-become/rule.js';
import { blanketPrivilegeEscalation } from './blanket-privilege-escalation/rule.js';
import { bootWithoutPassword } from './boot-without-password/rule.js';
import { cloudAuditLoggingDisabled } from './cloud-audit-logging-disabled/rule.js';
import { cloudIamFullPrivileges } from './cloud-iam-full-privileges/rule.js';
import { commandInjection } from './command-injection/rule.js';
import { commandInsteadOfModule } from './command-instead-of-module/rule.js';
import { committedCertificate } from './committed-certificate/rule.js';
import { configDeployedWithoutValidation } from './config-deployed-without-validation/rule.js';
import { credentialPrompt } from './credential-prompt/rule.js';
import { credentialsInUrl } from './credentials-in-url/rule.js';
import { databaseWithoutAuthentication } from './database-without-authentication/rule.js';
import { deprecatedModule } from './deprecated-module/rule.js';
import { destructiveRecursiveDelete } from './destructive-recursive-delete/rule.js';
import { dockerApiWithoutTls } from './docker-api-without-tls/rule.js';
import { emptyPassword } from './empty-password/rule.js';
import { fileWithoutMode } from './file-without-mode/rule.js';
import { hardCodedSecret } from './hard-coded-secret/rule.js';
import { hostTrustFile } from './host-trust-file/rule.js';
import { httpWithoutTls } from './http-without-tls/rule.js';
import { insecureFilePermissions } from './insecure-file-permissions/rule.js';
import { insecureFirewallRule } from './insecure-firewall-rule/rule.js';
import { insecureMountOptions } from './insecure-mount-options/rule.js';
import { insecureSshServer } from './insecure-ssh-server/rule.js';
import { invalidIpBinding } from './invalid-ip-binding/rule.js';
import { kernelHardeningDisabled } from './kernel-hardening-disabled/rule.js';
import { legacyNetworkService } from './legacy-network-service/rule.js';
import { missingDefaultCase } from './missing-default-case/rule.js';
import { missingHsts } from './missing-hsts/rule.js';
import { missingIntegrityCheck } from './missing-integrity-check/rule.js';
import { networkDeviceCleartextManagement } from './network-device-cleartext-management/rule.js';
import { pipeToShell } from './pipe-to-shell/rule.js';
import { plaintextLogForwarding } from './plaintext-log-forwarding/rule.js';
import { predictableTempFile } from './predictable-temp-file/rule.js';
import { privilegedContainer } from './privileged-container/rule.js';
import { publiclyAccessibleCloudResource } from './publicly-accessible-cloud-resource/rule.js';
import { relativeRemotePath } from './relative-remote-path/rule.js';
import { rootUidAccount } from './root-uid-account/rule.js';
import { secretInCommandLine } from './secret-in-command-line/rule.js';
import { secretLogged } from './secret-logged/rule.js';
import { securityControlDisabled } from './security-control-disabled/rule.js';
import { securityTaskErrorsIgnored } from './security-task-errors-ignored/rule.js';
import { sensitiveFilePermissions } from './sensitive-file-permissions/rule.js';
import { setuidFile } from './setuid-file/rule.js';
import { shellWithoutNeedOrPipefail } from './shell-without-need-or-pipefail/rule.js';
import { sshHostKeyCheckingDisabled } from './ssh-host-key-checking-disabled/rule.js';
import { sudoNopasswd } from './sudo-nopasswd/rule.js';
import { suspiciousComment } from './suspicious-comment/rule.js';
import { templateCodeExecution } from './template-code-execution/rule.js';
import { tlsVerificationDisabled } from './tls-verification-disabled/rule.js';
import { unapprovedModule } from './unapproved-module/rule.js';
import { unencryptedCloudStorage } from './unencrypted-cloud-storage/rule.js';
import { unpinnedContainerImage } from './unpinned-container-image/rule.js';
import { unpinnedModuleDependency } from './unpinned-module-dependency/rule.js';
import { unpinnedPackageVersion } from './unpinned-package-version/rule.js';
import { unpinnedVcsCheckout } from './unpinned-vcs-checkout/rule.js';
import { unrestrictedSshAccess } from './unrestricted-ssh-access/rule.js';
import { unsafeSymlinkOperation } from './unsafe-symlink-operation/rule.js';
import { unsignedPackageSource } from './unsigned-package-source/rule.js';
import { untrustedPackageIndex } from './untrusted-package-index/rule.js';
import { weakAuthenticationPolicy } from './weak-authentication-policy/rule.js';
import { weakCrypto } from './weak-crypto/rule.js';
import { weakSecretGenerator } from './weak-secret-generator/rule.js';
import { webServerInformationLeak } from './web-server-information-leak/rule.js';

export const RULES: readonly Rule[] = [
  adminByDefault,
  ansiblePasswordConnection,
  archiveKeepsSourceOwner,
  auditLoggingWeakened,
  automaticUpdatesDisabled,
  becomeUserWithoutBecome,
  blanketPrivilegeEscalation,
  bootWithoutPassword,
  cloudAuditLoggingDisabled,
  cloudIamFullPrivileges,
  commandInjection,
  commandInsteadOfModule,
  committedCertificate,
  configDeployedWithoutValidation,
  credentialPrompt,
  credentialsInUrl,
  databaseWithoutAuthentication,
  deprecatedModule,
  destructiveRecursiveDelete,
  dockerApiWithoutTls,
  emptyPassword,
  fileWithoutMode,
  hardCodedSecret,
  hostTrustFile,
  httpWithoutTls,
  insecureFilePermissions,
  insecureFirewallRule,
  insecureMountOptions,
  insecureSshServer,
  invalidIpBinding,
  kernelHardeningDisabled,
  legacyNetworkService,
  missingDefaultCase,
  missingHsts,
  missingIntegrityCheck,
  networkDeviceCleartextManagement,
  pipeToShell,
  plaintextLogForwarding,
  predictableTempFile,
  privilegedContainer,
  publiclyAccessibleCloudResource,
  relativeRemotePath,
  rootUidAccount,
  secretInCommandLine,
  secretLogged,
  securityControlDisabled,
  securityTaskErrorsIgnored,
  sensitiveFilePermissions,
  setuidFile,
  shellWithoutNeedOrPipefail,
  sshHostKeyCheckingDisabled,
  sudoNopasswd,
  suspiciousComment,
  templateCodeExecution,
  tlsVerificationDisabled,
  unapprovedModule,
  unencryptedCloudStorage,
  unpinnedContainerImage,
  unpinnedModuleDependency,
  unpinnedPackageVersion,
  unpinnedVcsCheckout,
  unrestrictedSshAccess,
  unsafeSymlinkOperation,
  unsignedPackageSource,
  untrustedPackageIndex,
  weakAuthenticationPolicy,
  weakCrypto,
  weakSecretGenerator,
  webServerInformationLeak,
];

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
