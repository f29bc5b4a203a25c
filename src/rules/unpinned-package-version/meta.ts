import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'unpinned-package-version',
  title: 'Package installed at its latest version',
  severity: 'low',
  category: 'unpinned-dependency',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A package is installed at whatever version is newest when the code runs (`state: latest`, `ensure => latest`, `action :upgrade`), pip and gem packages included. Runs are not reproducible, hosts built on different days differ, and a bad or tampered release reaches every host at the next run without anyone choosing it. Opt-in: many teams use `latest` on purpose to keep hosts patched.',
  remediation:
    "Pin the version the code was tested with (`name: nginx=1.24.*`, `ensure => '1.24.0-1'`, `version '1.24.0'`, `pip` `name: requests==2.32.3`) and move it forward in reviewed changes; keep security updates in a separate patch process (`unattended-upgrades`, `dnf-automatic`, a patch playbook).",
  cwe: 'CWE-1357',
  catalog: ['SUP-06', 'SUP-08'],
  optIn: true,
};
