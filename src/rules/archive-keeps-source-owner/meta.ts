import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'archive-keeps-source-owner',
  title: 'Extracted or synchronised files keep the owner ids of their source',
  severity: 'medium',
  category: 'unsafe-file-operation',
  languages: ['ansible'],
  description:
    'Extracting an archive as root (`unarchive` without `owner` or `--no-same-owner`, `tar --same-owner`) or synchronising with `owner`/`group` kept gives files the numeric user and group ids of where they were built: on the host those ids belong to some unrelated account, or to none until one is created, and that account can rewrite the programs and configuration that root then runs.',
  remediation:
    "Set the owner explicitly (`owner: root`, `group: root` on `unarchive`), or pass `extra_opts: ['--no-same-owner']`; for `synchronize`, leave `owner` and `group` off (or set them `false`) and set ownership with a `file` task.",
  cwe: 'CWE-708',
  catalog: ['FILE-06'],
};
