import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'unpinned-module-dependency',
  title: 'Roles, modules or cookbooks pulled without a version',
  severity: 'medium',
  category: 'unpinned-dependency',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A role or collection in `requirements.yml`, a module in the Puppetfile or a cookbook in the Berksfile is pulled in without a version, or from a branch of a repository. The code that configures every host is then whatever its author (or whoever took over their account) last published, picked up by the next install without review.',
  remediation:
    "Pin each dependency to a release (`version: 1.4.2`, `mod 'puppetlabs/apache', '12.0.0'`, `cookbook 'nginx', '= 12.2.0'`) or, for repositories, to a tag or a commit (`:tag`, `:commit`, `ref:`), and move the pins forward in reviewed changes. For Berkshelf, commit the Berksfile.lock.",
  cwe: 'CWE-829',
  catalog: ['SUP-09'],
};
