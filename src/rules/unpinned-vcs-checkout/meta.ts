import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'unpinned-vcs-checkout',
  title: 'Version control checkout not pinned to a revision',
  severity: 'medium',
  category: 'unpinned-dependency',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'Code is checked out from a version control repository without a revision, or at a branch (`master`, `main`, `HEAD`). What lands on the host is whatever the branch holds when the run happens: an unreviewed push, or a compromised account upstream, reaches every host at the next run, and two runs of the same code can deploy different software.',
  remediation:
    'Pin the checkout to a tag or, better, a commit: `version:` on Ansible `git`, `revision =>` on Puppet `vcsrepo`, `revision` on Chef `git`. Move the pin forward in a reviewed change.',
  cwe: 'CWE-829',
  catalog: ['SUP-07'],
};
