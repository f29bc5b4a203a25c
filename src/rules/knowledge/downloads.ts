/**
 * Resources and modules that download something, where the source is given, and which
 * attributes verify what arrives.
 */
import type { Language } from '../../model/model.js';
import { lookupTables } from '../../shared/lookup-table.js';

export interface DownloadResource {
  /** attributes holding the source, in order of preference */
  source: readonly string[];
  /** attributes holding where the download is saved, in order of preference */
  destination: readonly string[];
  /** attributes that carry a checksum or where to fetch one, aliases included */
  integrity: readonly string[];
  /** attributes that, set to a matching literal, keep the checksum from being checked */
  checkOff?: Readonly<Record<string, RegExp>>;
  /** the type always fetches from the network; otherwise only when the source is a URL */
  alwaysRemote: boolean;
  /**
   * a source given as a variable is a download too (`archive { source => $url }`); for types
   * that mostly copy local or module files (`file`, `unarchive`), only a URL is
   */
  variableIsRemote: boolean;
}

export const DOWNLOAD_RESOURCES: Partial<
  Record<Language, Readonly<Record<string, DownloadResource>>>
> = lookupTables({
  ansible: {
    get_url: {
      source: ['url'],
      destination: ['dest'],
      integrity: ['checksum', 'sha256sum'],
      alwaysRemote: true,
      variableIsRemote: true,
    },
    win_get_url: {
      source: ['url'],
      destination: ['dest'],
      integrity: ['checksum', 'checksum_url'],
      alwaysRemote: true,
      variableIsRemote: true,
    },
    unarchive: {
      source: ['src'],
      destination: ['dest'],
      integrity: [],
      alwaysRemote: false,
      variableIsRemote: false,
    },
  },
  puppet: {
    archive: {
      source: ['source'],
      destination: ['path', 'title'],
      integrity: ['checksum', 'checksum_url', 'digest_string', 'digest_url'],
      checkOff: { checksum_verify: /^(false|no)$/i, checksum_type: /^none$/i },
      alwaysRemote: false,
      variableIsRemote: true,
    },
    file: {
      source: ['source'],
      destination: ['path', 'title'],
      integrity: ['checksum_value'],
      alwaysRemote: false,
      variableIsRemote: false,
    },
  },
  chef: {
    remote_file: {
      source: ['source', 'name'],
      destination: ['path', 'name'],
      integrity: ['checksum'],
      alwaysRemote: true,
      variableIsRemote: true,
    },
    remote_directory: {
      source: ['source'],
      destination: ['path', 'name'],
      integrity: [],
      alwaysRemote: false,
      variableIsRemote: false,
    },
    ark: {
      source: ['url'],
      destination: ['path', 'name'],
      integrity: ['checksum'],
      alwaysRemote: true,
      variableIsRemote: true,
    },
  },
});

/** Files that are themselves checksums, signatures or keys: fetching them is the verification. */
export const VERIFICATION_FILE =
  /\.(asc|sig|sign|gpg|sha1|sha256|sha512|md5|pub|pem|crt|key)(\?|$)|(SHA\d*SUMS|CHECKSUMS?)(\.\w+)?(\?|$)|GPG-KEY/i;

/** Artifacts that get installed or executed once downloaded. */
export const EXECUTABLE_ARTIFACT =
  /\.(tar|tgz|tbz2?|txz|gz|xz|bz2|zst|zip|7z|deb|rpm|apk|msi|exe|bin|run|sh|jar|war|whl|gem|iso|img|qcow2|appimage|dmg|pkg)(\?|$)/i;

/** Commands that check what was downloaded. */
export const VERIFIERS = new Set([
  'sha256sum',
  'sha512sum',
  'sha384sum',
  'sha224sum',
  'shasum',
  'b2sum',
  'gpg',
  'gpgv',
  'cosign',
  'minisign',
  'signify',
  'openssl',
  'rpm',
  'dpkg-sig',
]);

/** Sources that are not downloads: module files, local paths, the file cache. */
export const LOCAL_SOURCE = /^(puppet|file):\/\/|^\/|^[A-Za-z]:\\|^files\//;

/**
 * A later task or resource that checks a downloaded file: a digest of it compared in Ruby
 * (`Digest::SHA256.file(tarball)`), `sha256sum -c`, `gpg --verify`, Ansible's `stat` with a
 * `checksum_algorithm`.
 */
export const VERIFYING_TEXT =
  /Digest::\w+\.(file|hexdigest)|\b(sha(1|224|256|384|512)?sum|shasum|b2sum)\b|\bgpgv?\b[^\n]*--verify|\bcosign\s+verify|\bminisign\b|\bchecksum_algorithm\b/;

/**
 * Revisions that name a branch rather than a commit or a tag: what they check out moves with
 * every push, so the code deployed is whatever the branch holds on the day of the run.
 * (`stable/2024.1` is a maintenance branch; a tag such as `v1.2.3` or a commit stays put.)
 */
export const MOVING_REVISION =
  /^(head|master|main|develop|development|devel|dev|trunk|tip|default|latest|stable|next|nightly|unstable|(refs\/heads|origin|stable)\/.+)$/i;

/** The modules and resources that check out a version control repository onto the host. */
export interface CheckoutResource {
  /** the attribute naming the repository */
  repository: readonly string[];
  /** the attribute naming the revision; absent means the default branch */
  revision: readonly string[];
  /** what an absent revision checks out, for messages */
  defaultRevision: string;
}

export const CHECKOUT_RESOURCES: Partial<
  Record<Language, Readonly<Record<string, CheckoutResource>>>
> = lookupTables({
  ansible: {
    git: { repository: ['repo', 'name'], revision: ['version'], defaultRevision: 'HEAD' },
    hg: { repository: ['repo', 'name'], revision: ['revision', 'version'], defaultRevision: 'tip' },
    subversion: {
      repository: ['repo', 'name'],
      revision: ['revision', 'version'],
      defaultRevision: 'HEAD',
    },
  },
  puppet: {
    vcsrepo: {
      repository: ['source'],
      revision: ['revision'],
      defaultRevision: 'the default branch',
    },
  },
  chef: {
    git: {
      repository: ['repository', 'repo'],
      revision: ['revision', 'branch', 'reference'],
      defaultRevision: 'HEAD',
    },
    subversion: {
      repository: ['repository', 'repo'],
      revision: ['revision', 'branch', 'reference'],
      defaultRevision: 'HEAD',
    },
  },
});

/** A repository on the host's own disk: nobody else can move what it checks out. */
export const LOCAL_REPOSITORY = /^(file:\/\/|\/|\.\.?\/|~\/)/;
