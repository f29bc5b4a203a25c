import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'unsafe-symlink-operation',
  title: 'Symbolic link followed or forced unsafely',
  severity: 'medium',
  category: 'unsafe-file-operation',
  languages: ['ansible', 'puppet'],
  description:
    "A task or resource makes a system path (`/etc`, `/usr`, `/bin`, root's home) a link to a file in `/tmp`, `/var/tmp`, `/dev/shm` or a user's home, so that the account able to write there decides what root reads or runs; or it follows links (`follow: true`, `links => follow`) while it hands over, loosens or rewrites a file in such a folder, so that a link planted there redirects the change to any file on the host.",
  remediation:
    'Install the file itself on the system path, or link to a copy only root can write. Where a task manages a file in a folder other accounts write to, do not follow links (`follow: false`, `links => manage`), or manage the file in a private folder instead.',
  cwe: 'CWE-59',
  catalog: ['FILE-11'],
};
