/**
 * Package repositories, per language: the task and resource types that declare one, the
 * attributes that say where its packages come from, and those that say where its signing key
 * comes from. Package managers check the signatures of what such a repository serves unless
 * told not to (see `SIGNATURE_CHECK_SETTINGS` and `SIGNATURE_SKIP_SETTINGS`).
 */
import type { Language } from '../../model/model.js';
import { PACKAGE_INSTALLS } from './packages.js';
import { lookupTables } from '../../shared/lookup-table.js';

export interface PackageRepositoryType {
  /** attributes holding the URLs packages and metadata are fetched from */
  sources: readonly string[];
  /** attributes holding the URL of the key the packages are checked against */
  keys: readonly string[];
  /** the package manager that checks the signatures, for messages */
  checkedBy: string;
}

export const PACKAGE_REPOSITORY_TYPES: Partial<
  Record<Language, Readonly<Record<string, PackageRepositoryType>>>
> = lookupTables({
  ansible: {
    yum_repository: {
      sources: ['baseurl', 'mirrorlist', 'metalink'],
      keys: ['gpgkey'],
      checkedBy: 'yum and dnf (gpgcheck)',
    },
    apt_repository: { sources: ['repo'], keys: [], checkedBy: 'APT (signed Release files)' },
    deb822_repository: {
      sources: ['uris'],
      keys: ['signed_by'],
      checkedBy: 'APT (signed Release files)',
    },
    zypper_repository: {
      sources: ['repo'],
      keys: ['auto_import_keys'],
      checkedBy: 'zypper (gpgcheck)',
    },
  },
  puppet: {
    yumrepo: {
      sources: ['baseurl', 'mirrorlist', 'metalink'],
      keys: ['gpgkey'],
      checkedBy: 'yum and dnf (gpgcheck)',
    },
    zypprepo: {
      sources: ['baseurl', 'mirrorlist'],
      keys: ['gpgkey'],
      checkedBy: 'zypper (gpgcheck)',
    },
    'apt::source': { sources: ['location'], keys: [], checkedBy: 'APT (signed Release files)' },
  },
  chef: {
    yum_repository: {
      sources: ['baseurl', 'mirrorlist', 'metalink'],
      keys: ['gpgkey'],
      checkedBy: 'yum and dnf (gpgcheck)',
    },
    zypper_repository: {
      sources: ['baseurl', 'mirrorlist'],
      keys: ['gpgkey'],
      checkedBy: 'zypper (gpgcheck)',
    },
    apt_repository: { sources: ['uri'], keys: ['key'], checkedBy: 'APT (signed Release files)' },
  },
});

/** Keys that hold a repository's package URLs wherever they are set: variables, `ini_file` options. */
export const REPOSITORY_SOURCE_KEYS: ReadonlySet<string> = new Set([
  'baseurl',
  'mirrorlist',
  'metalink',
]);

/** Keys that hold the URL of a repository's signing key. */
export const REPOSITORY_KEY_KEYS: ReadonlySet<string> = new Set([
  'gpgkey',
  'gpg_key',
  'key_url',
  'signing_key_url',
]);

/** An APT source line (`deb http://... stable main`): APT checks what it serves. */
export const APT_SOURCE_LINE = /^\s*deb(-src)?\s+(\[[^\]]*\]\s+)?http:\/\//;

/** Tasks and resources that import a package signing key, and the attribute with its URL. */
export const SIGNING_KEY_TYPES: Partial<
  Record<Language, Readonly<Record<string, readonly string[]>>>
> = lookupTables({
  ansible: { apt_key: ['url'], rpm_key: ['key'] },
  puppet: { 'apt::key': ['source'] },
  chef: {},
});

/**
 * Package tasks and resources that install whatever version is newest at run time: the
 * attribute that asks for it and the value that does.
 */
export interface LatestInstall {
  types: ReadonlySet<string>;
  /** the attribute that names the packages, to say which in messages and to spot `*` */
  name: readonly string[];
  attribute: string;
  latest: string;
}

/** Besides the system's package managers, the language and application package managers. */
const LATEST_ALSO: Partial<Record<Language, readonly string[]>> = {
  ansible: ['pip', 'gem', 'npm', 'homebrew', 'win_chocolatey', 'chocolatey'],
  puppet: [],
  chef: [
    'gem_package',
    'chef_gem',
    'pip_package',
    'homebrew_package',
    'chocolatey_package',
    'snap_package',
    'apk_package',
    'pacman_package',
  ],
};

/** The value of the install's state attribute that asks for the newest version. */
const LATEST: Partial<Record<Language, string>> = {
  ansible: 'latest',
  puppet: 'latest',
  chef: 'upgrade',
};

/** None for a language without system package installs or a value that asks for the newest. */
function latestInstall(language: Language): LatestInstall | undefined {
  const install = PACKAGE_INSTALLS[language];
  const latest = LATEST[language];
  if (!install || !latest) return undefined;
  return {
    types: new Set([...install.types, ...(LATEST_ALSO[language] ?? [])]),
    name: install.name,
    attribute: install.state,
    latest,
  };
}

export const LATEST_INSTALLS: Partial<Record<Language, LatestInstall>> = {
  ansible: latestInstall('ansible'),
  puppet: latestInstall('puppet'),
  chef: latestInstall('chef'),
};
