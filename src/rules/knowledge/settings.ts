/**
 * Setting names that turn a protection off, across modules, resources and variables.
 * Each name is matched against the end of a key's words (`yum_repo_sslverify`,
 * `docker_registry_validate_certs`).
 */
import type { Language } from '../../model/model.js';

/** Off when false. */
export const TLS_VERIFY_SETTINGS = [
  'validate certs',
  'validate cert',
  'verify ssl',
  'ssl verify',
  'sslverify',
  'verify certs',
  'verify cert',
  'tls verify',
  'ssl verify peer',
  'verify peer',
  'check certificate',
  'ssl check',
  'validate ssl',
  'verify tls',
  'certificate verification',
  'ssl verification',
];
/** Off when true. */
export const TLS_SKIP_SETTINGS = [
  'insecure',
  'skip tls verify',
  'tls skip verify',
  'insecure skip verify',
  'ignore certs',
  'disable ssl verification',
  'ssl insecure',
  'skip ssl verify',
  'insecure registry',
  'no check certificate',
];

/** Signature checking on package sources: off when false. */
export const SIGNATURE_CHECK_SETTINGS = [
  'gpgcheck',
  'gpg check',
  'pkg gpgcheck',
  'check signature',
  'verify signature',
];
/** Signature checking on package sources: off when true. */
export const SIGNATURE_SKIP_SETTINGS = [
  'allow unauthenticated',
  'disable gpg check',
  'nogpgcheck',
  'skip gpg check',
  'force yes',
  'allow insecure',
  'allow insecure repositories',
  'trusted',
  'allow unsigned',
];

/**
 * Verification turned off inside a file's text a task writes (`content`, `line`): a yum or dnf
 * repository's `sslverify=0`, APT's `Acquire::https::Verify-Peer "false"`.
 */
export const TLS_OFF_IN_TEXT =
  /(?:^|\n|[ \t])sslverify[ \t]*=[ \t]*(?:0|false|no)\b|Acquire::https::(?:[^\s:]+::)?Verify-(?:Peer|Host)[ \t]+"?false\b/i;

/**
 * Verification modes by name (Ruby's OpenSSL, Chef's `ssl_verify_mode`, Ansible's
 * `ansible_winrm_server_cert_validation`): off when set to the value.
 */
export const TLS_VERIFY_MODE_SETTINGS = [
  'ssl verify mode',
  'verify mode',
  'server cert validation',
];
export const TLS_VERIFY_NONE = /^:?verify_none$|^OpenSSL::SSL::VERIFY_NONE$|^ignore$/;

/** Words that flip a setting's meaning: `skip_tls_verify`, `repo_gpgcheck` (metadata only). */
const QUALIFIERS = new Set([
  'skip',
  'insecure',
  'disable',
  'disabled',
  'no',
  'ignore',
  'without',
  'repo',
]);

/**
 * Whether a key's words end with one of the setting names, with no qualifier before it
 * that changes what the setting means.
 */
export function endsWithSetting(words: readonly string[], settings: readonly string[]): boolean {
  const candidates = settingsByLastWord(settings).get(words.at(-1) ?? '');
  if (!candidates) return false;
  return candidates.some((setting) => {
    const start = words.length - setting.length;
    if (start < 0 || setting.some((word, index) => words[start + index] !== word)) return false;
    return !words.slice(0, start).some((word) => QUALIFIERS.has(word));
  });
}

/**
 * Each list of setting names, as words, by the word they end with: most keys end with a word
 * no setting ends with, and are ruled out by one lookup. Keys are checked by the thousand
 * against the same few lists.
 */
const byLastWord = new WeakMap<readonly string[], Map<string, (readonly string[])[]>>();

function settingsByLastWord(settings: readonly string[]): Map<string, (readonly string[])[]> {
  let index = byLastWord.get(settings);
  if (!index) {
    index = new Map();
    for (const setting of settings) {
      const words = setting.split(' ');
      const last = words.at(-1) as string;
      index.set(last, [...(index.get(last) ?? []), words]);
    }
    byLastWord.set(settings, index);
  }
  return index;
}

/** The attribute of a task or resource that removes it, and the values that do. */
export interface Removal {
  attribute: string;
  values: readonly string[];
}

/**
 * How each language says "this resource is being removed": its attributes then configure
 * nothing that stays on the host. Ansible `state: absent`, Puppet `ensure => absent`, Chef
 * `action :remove`.
 */
export const REMOVAL: Partial<Record<Language, Removal>> = {
  ansible: { attribute: 'state', values: ['absent'] },
  puppet: { attribute: 'ensure', values: ['absent', 'purged'] },
  chef: { attribute: 'action', values: ['remove', 'delete', 'purge', 'uninstall'] },
};

/** The key that switches a repository or source on; off when false, and then nothing is installed from it. */
export const SOURCE_ENABLED_SETTINGS: readonly string[] = ['enabled', 'enable'];
