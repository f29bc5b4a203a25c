import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'shell-without-need-or-pipefail',
  title: '`shell` without need, or a pipeline without `pipefail`',
  severity: 'low',
  category: 'shell-hygiene',
  languages: ['ansible'],
  description:
    'A `shell` task hands its text to `/bin/sh`. When the text uses no shell feature, the `command` module runs the same program without a shell, so a templated value can never be read as shell syntax (`;`, `$(...)`). When it does use a pipeline, the shell reports only the exit status of the last command: a failed download, query or build in front of `| tee`, `| grep` or `| sh` leaves the task green and the host half-configured.',
  remediation:
    'Use `ansible.builtin.command` (with `argv` when arguments hold spaces) for a single program. For a pipeline, start the script with `set -o pipefail` and set `executable: /bin/bash`, so that a failure anywhere in it fails the task.',
  cwe: 'CWE-78',
  catalog: ['PRIV-10'],
  optIn: true,
};
