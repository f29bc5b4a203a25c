import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'unsigned-package-source',
  title: 'Package signature checks disabled',
  severity: 'high',
  category: 'unsigned-package-source',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "Packages are installed without checking their signatures (`gpgcheck=0`, `disable_gpg_check`, `allow_unauthenticated`, `[trusted=yes]`, `--nogpgcheck`). Anyone who can tamper with the mirror or the network path can install their own code, as root. A repository read from the host's own disk (`file://`) is reported at low severity.",
  remediation:
    "Keep signature checks on and import the repository's signing key (`rpm_key`, `apt_key`/`signed-by`, `gpgkey`). If a package is unsigned, publish it through an internal repository that signs it.",
  cwe: 'CWE-347',
  catalog: ['SUP-01', 'SUP-02'],
};
