/**
 * The check catalog: every host- and configuration-level security check that peer tools (KICS,
 * Checkov, ansible-lint, puppet-lint and its security plugins, Cookstyle) and the dev-sec
 * hardening baselines have, merged into 110 rows in nine themes. It is the yardstick for what
 * Posture should flag: each rule names the rows it covers (`RuleMeta.catalog`), and the README's
 * coverage table is generated from both.
 *
 * A row's languages are those of Posture's languages it applies to; some rows are about
 * Terraform, Kubernetes or Dockerfiles only and say why in `notApplicable`.
 */
import type { Language } from '../model/model.js';

export const CATALOG_THEMES = [
  'Secrets & sensitive data',
  'Crypto / TLS',
  'Network exposure',
  'Privilege, users & command execution',
  'File permissions & filesystem',
  'Package / software supply-chain integrity',
  'Logging & audit',
  'Service hardening (sshd, SELinux, kernel, daemons)',
  'Containers',
] as const;

export type CatalogTheme = (typeof CATALOG_THEMES)[number];

export interface CatalogRow {
  /** the theme's prefix and a two-digit number: `SEC-01`, `PRIV-05` */
  id: string;
  /** what the check is about, in a few words */
  title: string;
  theme: CatalogTheme;
  /** the languages the check applies to; empty when it applies to none of them */
  languages: readonly Language[];
  /** why the check applies to none of the languages; set exactly when `languages` is empty */
  notApplicable?: string;
}

const ALL: readonly Language[] = ['ansible', 'puppet', 'chef'];
const ANSIBLE: readonly Language[] = ['ansible'];
const ANSIBLE_PUPPET: readonly Language[] = ['ansible', 'puppet'];
const ANSIBLE_CHEF: readonly Language[] = ['ansible', 'chef'];
const PUPPET_CHEF: readonly Language[] = ['puppet', 'chef'];
const CHEF: readonly Language[] = ['chef'];
const NONE: readonly Language[] = [];

/** `[id, languages, title]`, and for a row that applies to no language, why not. */
type RowSpec = readonly [
  id: string,
  languages: readonly Language[],
  title: string,
  notApplicable?: string,
];

function theme(name: CatalogTheme, specs: readonly RowSpec[]): CatalogRow[] {
  return specs.map(([id, languages, title, notApplicable]) => ({
    id,
    title,
    theme: name,
    languages,
    ...(notApplicable === undefined ? {} : { notApplicable }),
  }));
}

export const CATALOG: readonly CatalogRow[] = [
  ...theme('Secrets & sensitive data', [
    ['SEC-01', ALL, 'Hard-coded password or secret literal'],
    ['SEC-02', ALL, 'Private key material committed to the repository'],
    ['SEC-03', ALL, 'Cloud or service API token in the code'],
    ['SEC-04', ALL, 'Credentials embedded in a URL'],
    ['SEC-05', ANSIBLE, 'Task handling a secret without `no_log: true`'],
    ['SEC-06', ANSIBLE, '`ansible.cfg` settings that write secrets to logs'],
    ['SEC-07', PUPPET_CHEF, 'Secret not marked sensitive (`sensitive true`, `Sensitive()`)'],
    ['SEC-08', ALL, 'Secret interpolated into a command line'],
    ['SEC-09', ALL, 'Plaintext secret in a vars, Hiera or data bag file instead of a vault'],
    ['SEC-10', ALL, 'Default, placeholder or well-known credential'],
    ['SEC-11', ALL, 'User password unhashed or weakly hashed (MD5, DES)'],
    ['SEC-12', ANSIBLE, 'Secret literal in a container or task environment'],
    ['SEC-13', CHEF, 'Weak secret generator helper (`secure_password`)'],
    ['SEC-14', ALL, '`.netrc`/`.pgpass` credential files with loose modes or in the repo'],
  ]),
  ...theme('Crypto / TLS', [
    ['TLS-01', ALL, 'Certificate validation disabled on an HTTP client'],
    ['TLS-02', ALL, 'TLS verification disabled for a package manager or repository'],
    ['TLS-03', ALL, 'Plain HTTP or FTP URL for downloads, APIs or repositories'],
    ['TLS-04', ALL, 'Commands that skip TLS checks (`curl -k`, `--no-check-certificate`)'],
    ['TLS-05', ALL, 'Weak TLS protocol versions enabled (SSLv2/3, TLS 1.0/1.1)'],
    ['TLS-06', ALL, 'Weak cipher suites (RC4, DES, 3DES, NULL, EXPORT)'],
    ['TLS-07', ALL, 'Weak SSH ciphers, MACs or key exchanges'],
    ['TLS-08', ALL, 'Keys or Diffie-Hellman parameters that are too short'],
    ['TLS-09', ALL, 'Weak digest (MD5, SHA-1) for verifying artifacts'],
    ['TLS-10', ALL, 'Expired or self-signed certificate committed'],
    ['TLS-11', ALL, 'Web server without HSTS or other security headers'],
    ['TLS-12', ANSIBLE, 'Encryption at rest disabled for managed storage'],
    ['TLS-13', ANSIBLE, 'Ansible connecting with SSH passwords or paramiko without keys'],
  ]),
  ...theme('Network exposure', [
    ['NET-01', ALL, 'Data or admin service bound to every interface'],
    ['NET-02', ALL, 'Firewall rule allowing any source to any port'],
    ['NET-03', ALL, 'Management or database port open to the internet'],
    ['NET-04', ALL, 'Host firewall disabled or accepting by default'],
    ['NET-05', ANSIBLE_PUPPET, 'Firewall rule naming hosts by DNS name'],
    ['NET-06', ANSIBLE_PUPPET, 'Deny-all firewall rule that can lock out management'],
    ['NET-07', ALL, 'Cleartext legacy services (telnet, rsh, ftp, tftp, NIS, inetd)'],
    ['NET-08', ANSIBLE, 'Cleartext management or weak IPsec on network devices'],
    ['NET-09', ANSIBLE, 'Publicly accessible cloud instance, database or bucket'],
    ['NET-10', ALL, 'IP forwarding enabled on a host that is not a router'],
    ['NET-11', ALL, 'Unsafe network sysctls (redirects, source routing, rp_filter)'],
    ['NET-12', ALL, 'Docker API exposed on TCP without TLS'],
    ['NET-13', ANSIBLE, 'Configuration management server exposed to the internet'],
    ['NET-14', ALL, 'SSH daemon listening everywhere with no access restriction'],
  ]),
  ...theme('Privilege, users & command execution', [
    ['PRIV-01', ANSIBLE, '`become_user` without `become: true`'],
    ['PRIV-02', ALL, 'Extra account with UID 0, or a duplicate UID'],
    ['PRIV-03', ALL, 'Sudo without a password for every command'],
    ['PRIV-04', ALL, 'Sudoers, PAM or sshd configuration edited without validation'],
    ['PRIV-05', ALL, 'SSH root login permitted'],
    ['PRIV-06', ALL, 'SSH password, empty-password or challenge authentication on'],
    ['PRIV-07', ALL, 'Account without a password, or with its lock removed'],
    ['PRIV-08', ANSIBLE, 'Blanket privilege escalation for every task'],
    ['PRIV-09', ALL, 'Unquoted variables in shell commands (command injection)'],
    ['PRIV-10', ANSIBLE, '`shell` where `command` would do; pipes without `pipefail`'],
    ['PRIV-11', ANSIBLE, 'Shell commands doing what a module does'],
    ['PRIV-12', ALL, 'Code execution in templates (`eval` in ERB, unsafe lookups)'],
    ['PRIV-13', ANSIBLE, 'Cloud IAM policy granting wildcard or full privileges'],
    ['PRIV-14', ANSIBLE, 'Errors ignored on security-relevant tasks'],
    ['PRIV-15', ANSIBLE, 'Interactive credential prompts in automation'],
  ]),
  ...theme('File permissions & filesystem', [
    ['FILE-01', ALL, 'World-writable or world-readable file mode'],
    ['FILE-02', ALL, 'setuid or setgid bit on a root-owned file'],
    ['FILE-03', ALL, 'File created without an explicit mode'],
    ['FILE-04', ALL, 'File mode written so that it is misread (unquoted, decimal)'],
    ['FILE-05', ALL, 'Sensitive system file with a loose mode or the wrong owner'],
    ['FILE-06', ANSIBLE, 'Archive or sync keeping the owners of the source'],
    ['FILE-07', ANSIBLE, 'Relative `src` or `dest` path'],
    ['FILE-08', ALL, 'Destructive recursive delete'],
    ['FILE-09', ALL, 'Insecure temporary files or directories'],
    ['FILE-10', ALL, 'No `nodev`/`nosuid`/`noexec` mounts; unused filesystems left on'],
    ['FILE-11', ANSIBLE_PUPPET, 'Operation that follows or forces symbolic links unsafely'],
  ]),
  ...theme('Package / software supply-chain integrity', [
    ['SUP-01', ALL, 'Unauthenticated or forced apt install'],
    ['SUP-02', ALL, 'GPG check disabled for yum, dnf or zypper'],
    ['SUP-03', ALL, 'Repository added without a trusted signing key'],
    ['SUP-04', ALL, 'Remote script piped into a shell'],
    ['SUP-05', ALL, 'Download without an integrity check'],
    ['SUP-06', ALL, 'Unpinned package version (`latest`)'],
    ['SUP-07', ALL, 'Version control checkout not pinned to a revision'],
    ['SUP-08', ANSIBLE, 'pip with extra indexes or trusted hosts, or unpinned'],
    ['SUP-09', ALL, 'Roles, modules or cookbooks pulled without a version'],
    ['SUP-10', ANSIBLE, 'Container image unpinned (`:latest`, no digest)'],
    [
      'SUP-11',
      NONE,
      'Remote URL fetched with `ADD` in a Dockerfile',
      'Dockerfile only: `ADD` is a Dockerfile instruction; downloads in playbooks, manifests and recipes are SUP-05.',
    ],
    ['SUP-12', ANSIBLE, 'Module or collection outside the allowed list'],
    ['SUP-13', ANSIBLE_CHEF, 'Deprecated or removed modules and platforms'],
  ]),
  ...theme('Logging & audit', [
    ['LOG-01', ALL, 'auditd missing, disabled or stopped'],
    ['LOG-02', ALL, 'Audit daemon set to ignore a full disk or overwrite records'],
    ['LOG-03', ALL, 'sshd logging below VERBOSE or outside the AUTH facility'],
    ['LOG-04', ALL, 'Log files or directories readable or writable by everyone'],
    ['LOG-05', ALL, 'Remote log shipping in plain text'],
    ['LOG-06', ANSIBLE, 'Network or cloud audit logging disabled'],
    ['LOG-07', ALL, 'Security service stopped or disabled (auditd, fail2ban, AIDE, ...)'],
  ]),
  ...theme('Service hardening (sshd, SELinux, kernel, daemons)', [
    ['HARD-01', ALL, 'SELinux disabled or permissive'],
    ['HARD-02', ALL, 'AppArmor disabled or profiles not enforced'],
    ['HARD-03', ALL, 'sshd forwarding or tunnelling allowed'],
    ['HARD-04', ALL, 'sshd limits against brute force missing or weak'],
    ['HARD-05', ALL, 'sshd trust weakened (StrictModes, rhosts, user environment)'],
    ['HARD-06', ALL, 'SSH client host key checking disabled'],
    ['HARD-07', ALL, 'Kernel hardening sysctls weakened'],
    ['HARD-08', ALL, 'Core dumps allowed for setuid programs'],
    ['HARD-09', ALL, 'Password policy weakened (`login.defs`, PAM, `nullok`)'],
    ['HARD-10', ALL, 'Host trust files enabled (`hosts.equiv`, `.rhosts`)'],
    ['HARD-11', ALL, 'Web server leaking its version or serving defaults'],
    ['HARD-12', ALL, 'Insecure MySQL or MariaDB setup (remote root, anonymous users)'],
    ['HARD-13', ALL, 'Redis, Memcached, MongoDB or Elasticsearch without authentication'],
    ['HARD-14', ALL, 'Automatic security updates disabled'],
    ['HARD-15', ALL, 'Boot loader or single-user mode without a password'],
  ]),
  ...theme('Containers', [
    ['CONT-01', ANSIBLE, 'Container running as root'],
    ['CONT-02', ALL, 'Privileged container'],
    ['CONT-03', ALL, 'Docker socket or a sensitive host path mounted in a container'],
    ['CONT-04', ALL, 'Container sharing the host namespaces'],
    ['CONT-05', ALL, 'Dangerous capabilities, or seccomp or AppArmor unconfined'],
    ['CONT-06', ALL, 'Insecure or plain HTTP container registry'],
    [
      'CONT-07',
      NONE,
      '`sudo` or an SSH server in a container image',
      'Dockerfile only: what goes into an image is written in its Dockerfile, not in playbooks, manifests or recipes.',
    ],
    [
      'CONT-08',
      NONE,
      'Image without `HEALTHCHECK`, or built with `ADD` or unsafe pipes',
      'Dockerfile only: `HEALTHCHECK` and `ADD` are Dockerfile instructions, with no counterpart in playbooks, manifests or recipes.',
    ],
  ]),
];
