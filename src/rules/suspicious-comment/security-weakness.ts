/**
 * What makes a comment speak of a security weakness rather than of ordinary unfinished work:
 * a word that is a weakness by itself (`insecure`, `cleartext`, `CVE-2024-1234`), or a security
 * subject (`password`, `certificate`, `selinux`, `auth`) together with a word that says it is
 * off, weakened, exposed or not done yet (`disable`, `in clear`, `for now`, `verify`).
 * All are matched as whole words, case-insensitively.
 */

/** Weaknesses on their own. */
const WEAKNESSES = [
  'insecure',
  'insecurely',
  'unsafe',
  'vulnerable',
  'vulnerability',
  'vulnerabilities',
  'cve-\\d{4}-\\d+',
  'cleartext',
  'clear-text',
  'unencrypted',
  'unsigned',
  'unauthenticated',
  'unverified',
  'self-signed',
  'world-writable',
  'world-readable',
  'nopasswd',
  'exploit',
  'exploitable',
  'backdoor',
  'security (hole|issue|risk|problem|bug|flaw|concern)s?',
  'default (passwords?|passwd|credentials?|secrets?|keys?|tokens?|certs?|certificates?|logins?|accounts?)',
];

/** What security is about: secrets, TLS, access control, host controls, package integrity, crypto. */
const SUBJECTS = [
  'passwords?',
  'passwd',
  'passphrases?',
  'secrets?',
  'credentials?',
  'tokens?',
  '(private|ssh|api|secret|signing|host) keys?',
  'certificates?',
  'certs?',
  'tls',
  'ssl',
  'https',
  'x509',
  'auth',
  'authn',
  'authz',
  'authentication',
  'authorization',
  'login',
  'permissions?',
  'chmod',
  'sudo',
  'sudoers',
  'privileges?',
  'privileged',
  'as root',
  'selinux',
  'apparmor',
  'firewall',
  'firewalld',
  'iptables',
  'nftables',
  'ufw',
  'seccomp',
  'auditd?',
  'gpg',
  'gpgcheck',
  'gpgkey',
  'signatures?',
  'checksums?',
  'integrity',
  'encryption',
  'encrypt',
  'encrypted',
  'ciphers?',
  'acls?',
  'csrf',
  'xss',
  'injection',
];

/** Words that say a subject is turned off, weakened or exposed, or that securing it is still to do. */
const QUALIFIERS = [
  // off, weakened or exposed
  'disable',
  'disabled',
  'disables',
  'disabling',
  'off',
  'skip',
  'skips',
  'skipped',
  'bypass',
  'bypassed',
  'ignore',
  'ignored',
  'ignores',
  'without',
  'no',
  'not',
  'missing',
  'lacks?',
  'empty',
  'blank',
  'weak',
  'weaker',
  'weakened',
  'in (the )?clear',
  'plain',
  'exposed?',
  'leaks?',
  'leaked',
  'hard-?coded',
  'temporary',
  'temporarily',
  'for now',
  'permissive',
  'relax',
  'relaxed',
  'open',
  'public',
  'world',
  '0?777',
  'allows? (all|any|anyone|everyone)',
  // securing it is still to do
  'support',
  'add',
  'enable',
  'implement',
  'verify',
  'validate',
  'check',
  'require',
  'enforce',
  'restrict',
  'rotate',
  'protect',
  'secure',
  'harden',
  'lock down',
  'turn on',
  're-?enable',
];

const words = (list: readonly string[]) =>
  new RegExp(`(?<![\\w-])(${list.join('|')})(?![\\w-])`, 'i');

const WEAKNESS = words(WEAKNESSES);
const SUBJECT = words(SUBJECTS);
const QUALIFIER = words(QUALIFIERS);

/** Whether a comment's text speaks of a security weakness. */
export function speaksOfSecurityWeakness(text: string): boolean {
  return WEAKNESS.test(text) || (SUBJECT.test(text) && QUALIFIER.test(text));
}
