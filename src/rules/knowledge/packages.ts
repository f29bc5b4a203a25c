/** The tasks and resources that install system packages, in each language. */
import type { Language } from '../../model/model.js';

export interface PackageInstall {
  /** module or resource types that install packages */
  types: ReadonlySet<string>;
  /** attributes naming the packages, in order of preference (the title when none is set) */
  name: readonly string[];
  /** the attribute saying what happens to the packages */
  state: string;
  /** values of that attribute that leave the package off the host */
  notInstalled: readonly string[];
}

export const PACKAGE_INSTALLS: Partial<Record<Language, PackageInstall>> = {
  ansible: {
    types: new Set(['package', 'apt', 'yum', 'dnf', 'dnf5', 'zypper', 'apk', 'pacman', 'pkgng']),
    name: ['name', 'pkg'],
    state: 'state',
    notInstalled: ['absent', 'removed', 'build-dep'],
  },
  puppet: {
    types: new Set(['package']),
    name: ['name', 'title'],
    state: 'ensure',
    notInstalled: ['absent', 'purged', 'disabled'],
  },
  chef: {
    types: new Set([
      'package',
      'apt_package',
      'yum_package',
      'dnf_package',
      'zypper_package',
      'dpkg_package',
      'rpm_package',
    ]),
    name: ['package_name', 'name'],
    state: 'action',
    notInstalled: ['remove', 'purge', 'nothing', 'lock', 'unlock'],
  },
};
