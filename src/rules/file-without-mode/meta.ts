import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'file-without-mode',
  title: 'File or folder created without an explicit mode',
  severity: 'low',
  category: 'insecure-file-permissions',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A task or resource creates a file or folder without saying its mode, so its permissions come from the umask of whatever runs it (and, for `copy` and `get_url`, from the source): a change of user, of umask or of tool can leave configuration or secrets readable or writable by others without any change to the code.',
  remediation:
    "Write the mode the file needs (`mode: '0644'`, `mode => '0640'`, `mode '0600'`), or `mode: preserve` where keeping the source's mode is the intent.",
  cwe: 'CWE-276',
  catalog: ['FILE-03'],
  optIn: true,
};
