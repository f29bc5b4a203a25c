import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'missing-integrity-check',
  title: 'Download without an integrity check',
  severity: 'medium',
  category: 'missing-integrity-check',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'Something is downloaded and then installed or used without checking a checksum or signature. A compromised mirror, a hijacked DNS name or a man in the middle can then replace it with anything, and the host will run it.',
  remediation:
    'Pin the expected digest (`checksum: sha256:<digest>` on `get_url`, `checksum` on Chef `remote_file` and Puppet `archive`) or verify a signature before use. For shell downloads, check the file with `sha256sum -c` or `gpg --verify` in the same command.',
  cwe: 'CWE-494',
  catalog: ['SUP-05'],
};
