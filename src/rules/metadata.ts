/**
 * The metadata of every built-in rule, sorted by id, without the rules' code: what the policy,
 * the reports and `posture rules` need. A scan loads the rules' code (`index.ts`) only when it
 * has a file to analyse, so that a start-up does not load the engine for nothing. The meta-test
 * checks that both registries list the same rules.
 */
import type { RuleMeta } from './rule.js';
import { meta as adminByDefault } from './admin-by-default/meta.js';
import { meta as ansiblePasswordConnection } from './ansible-password-connection/meta.js';
import { meta as archiveKeepsSourceOwner } from './archive-keeps-source-owner/meta.js';
import { meta as auditLoggingWeakened } from './audit-logging-weakened/meta.js';
import { meta as automaticUpdatesDisabled } from './automatic-updates-disabled/meta.js';
import { meta as becomeUserWithoutBecome } from './become-user-without-become/meta.js';
import { meta as blanketPrivilegeEscalation } from './blanket-privilege-escalation/meta.js';
import { meta as bootWithoutPassword } from './boot-without-password/meta.js';
import { meta as cloudAuditLoggingDisabled } from './cloud-audit-logging-disabled/meta.js';
import { meta as cloudIamFullPrivileges } from './cloud-iam-full-privileges/meta.js';
import { meta as commandInjection } from './command-injection/meta.js';
import { meta as commandInsteadOfModule } from './command-instead-of-module/meta.js';
import { meta as committedCertificate } from './committed-certificate/meta.js';
import { meta as configDeployedWithoutValidation } from './config-deployed-without-validation/meta.js';
import { meta as credentialPrompt } from './credential-prompt/meta.js';
import { meta as credentialsInUrl } from './credentials-in-url/meta.js';
import { meta as databaseWithoutAuthentication } from './database-without-authentication/meta.js';
import { meta as deprecatedModule } from './deprecated-module/meta.js';
import { meta as destructiveRecursiveDelete } from './destructive-recursive-delete/meta.js';
import { meta as dockerApiWithoutTls } from './docker-api-without-tls/meta.js';
import { meta as emptyPassword } from './empty-password/meta.js';
import { meta as fileWithoutMode } from './file-without-mode/meta.js';
import { meta as hardCodedSecret } from './hard-coded-secret/meta.js';
import { meta as hostTrustFile } from './host-trust-file/meta.js';
import { meta as httpWithoutTls } from './http-without-tls/meta.js';
import { meta as insecureFilePermissions } from './insecure-file-permissions/meta.js';
import { meta as insecureFirewallRule } from './insecure-firewall-rule/meta.js';
import { meta as insecureMountOptions } from './insecure-mount-options/meta.js';
import { meta as insecureSshServer } from './insecure-ssh-server/meta.js';
import { meta as invalidIpBinding } from './invalid-ip-binding/meta.js';
import { meta as kernelHardeningDisabled } from './kernel-hardening-disabled/meta.js';
import { meta as legacyNetworkService } from './legacy-network-service/meta.js';
import { meta as missingDefaultCase } from './missing-default-case/meta.js';
import { meta as missingHsts } from './missing-hsts/meta.js';
import { meta as missingIntegrityCheck } from './missing-integrity-check/meta.js';
import { meta as networkDeviceCleartextManagement } from './network-device-cleartext-management/meta.js';
import { meta as pipeToShell } from './pipe-to-shell/meta.js';
import { meta as plaintextLogForwarding } from './plaintext-log-forwarding/meta.js';
import { meta as predictableTempFile } from './predictable-temp-file/meta.js';
import { meta as privilegedContainer } from './privileged-container/meta.js';
import { meta as publiclyAccessibleCloudResource } from './publicly-accessible-cloud-resource/meta.js';
import { meta as relativeRemotePath } from './relative-remote-path/meta.js';
import { meta as rootUidAccount } from './root-uid-account/meta.js';
import { meta as secretInCommandLine } from './secret-in-command-line/meta.js';
import { meta as secretLogged } from './secret-logged/meta.js';
import { meta as securityControlDisabled } from './security-control-disabled/meta.js';
import { meta as securityTaskErrorsIgnored } from './security-task-errors-ignored/meta.js';
import { meta as sensitiveFilePermissions } from './sensitive-file-permissions/meta.js';
import { meta as setuidFile } from './setuid-file/meta.js';
import { meta as shellWithoutNeedOrPipefail } from './shell-without-need-or-pipefail/meta.js';
import { meta as sshHostKeyCheckingDisabled } from './ssh-host-key-checking-disabled/meta.js';
import { meta as sudoNopasswd } from './sudo-nopasswd/meta.js';
import { meta as suspiciousComment } from './suspicious-comment/meta.js';
import { meta as templateCodeExecution } from './template-code-execution/meta.js';
import { meta as tlsVerificationDisabled } from './tls-verification-disabled/meta.js';
import { meta as unapprovedModule } from './unapproved-module/meta.js';
import { meta as unencryptedCloudStorage } from './unencrypted-cloud-storage/meta.js';
import { meta as unpinnedContainerImage } from './unpinned-container-image/meta.js';
import { meta as unpinnedModuleDependency } from './unpinned-module-dependency/meta.js';
import { meta as unpinnedPackageVersion } from './unpinned-package-version/meta.js';
import { meta as unpinnedVcsCheckout } from './unpinned-vcs-checkout/meta.js';
import { meta as unrestrictedSshAccess } from './unrestricted-ssh-access/meta.js';
import { meta as unsafeSymlinkOperation } from './unsafe-symlink-operation/meta.js';
import { meta as unsignedPackageSource } from './unsigned-package-source/meta.js';
import { meta as untrustedPackageIndex } from './untrusted-package-index/meta.js';
import { meta as weakAuthenticationPolicy } from './weak-authentication-policy/meta.js';
import { meta as weakCrypto } from './weak-crypto/meta.js';
import { meta as weakSecretGenerator } from './weak-secret-generator/meta.js';
import { meta as webServerInformationLeak } from './web-server-information-leak/meta.js';

export const RULE_METAS: readonly RuleMeta[] = [
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

const BY_ID = new Map(RULE_METAS.map((meta) => [meta.id, meta]));

/** The metadata of the built-in rule with this id; undefined for any other id. */
export function ruleMetaById(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}
