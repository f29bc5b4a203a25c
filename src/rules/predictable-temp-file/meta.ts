import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'predictable-temp-file',
  title: 'Download to a predictable name in a shared temp folder',
  severity: 'medium',
  category: 'unsafe-file-operation',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "A file is downloaded to a fixed name in `/tmp`, `/var/tmp` or `/dev/shm`, where any local account can create that name first. Ansible's `get_url` (without `force`) and Puppet's `archive` keep a file that is already there, so without a checksum they install whatever another user left; `curl -o` and `wget -O` in commands write through a file or link someone else created.",
  remediation:
    "Download into a directory only the deploying account can write to (Ansible's `tempfile` module, Chef's `Chef::Config[:file_cache_path]`, a folder the code creates with mode `0700`), and pin the file's checksum (`checksum:` in `get_url`, `checksum` in `archive`).",
  cwe: 'CWE-377',
  catalog: ['FILE-09'],
};
