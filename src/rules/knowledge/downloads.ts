/**
 * Resources and modules that download something, where the source is given, and which
 * attributes verify what arrives.
 */
import type { Language } from '../../engine/model.js';

export interface DownloadResource {
  source: readonly string[];
  integrity: readonly string[];
  /** the type always fetches from the network; otherwise only when the source is a URL */
  alwaysRemote: boolean;
}

export const DOWNLOAD_RESOURCES: Record<Language, Readonly<Record<string, DownloadResource>>> = {
  ansible: {
    get_url: { source: ['url'], integrity: ['checksum'], alwaysRemote: true },
    win_get_url: { source: ['url'], integrity: ['checksum', 'checksum_url'], alwaysRemote: true },
    unarchive: { source: ['src'], integrity: [], alwaysRemote: false },
  },
  puppet: {
    archive: { source: ['source'], integrity: ['checksum', 'checksum_url'], alwaysRemote: false },
    file: { source: ['source'], integrity: ['checksum_value'], alwaysRemote: false },
  },
  chef: {
    remote_file: { source: ['source', 'name'], integrity: ['checksum'], alwaysRemote: true },
    remote_directory: { source: ['source'], integrity: [], alwaysRemote: false },
    ark: { source: ['url'], integrity: ['checksum'], alwaysRemote: true },
  },
};

/** Files that are themselves checksums, signatures or keys: fetching them is the verification. */
export const VERIFICATION_FILE = /\.(asc|sig|sign|gpg|sha1|sha256|sha512|md5|pub|pem|crt|key)(\?|$)|(SHA\d*SUMS|CHECKSUMS?)(\.\w+)?(\?|$)|GPG-KEY/i;

/** Artifacts that get installed or executed once downloaded. */
export const EXECUTABLE_ARTIFACT = /\.(tar|tgz|tbz2?|txz|gz|xz|bz2|zst|zip|7z|deb|rpm|apk|msi|exe|bin|run|sh|jar|war|whl|gem|iso|img|qcow2|appimage|dmg|pkg)(\?|$)/i;

/** Commands that check what was downloaded. */
export const VERIFIERS = new Set(['sha256sum', 'sha512sum', 'sha384sum', 'sha224sum', 'shasum', 'b2sum', 'gpg', 'gpgv', 'cosign', 'minisign', 'signify', 'openssl', 'rpm', 'dpkg-sig']);
