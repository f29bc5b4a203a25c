import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'untrusted-package-index',
  title: 'pip installs from an untrusted or extra index',
  severity: 'high',
  category: 'unsigned-package-source',
  languages: ['ansible'],
  description:
    "pip is told to fetch packages over plain HTTP (`-i http://...`), to accept a host without checking its certificate (`--trusted-host`), or to search a second index beside PyPI (`--extra-index-url`, medium). The first two let anyone on the network path serve their own code; the third lets anyone who registers an internal package's name on PyPI do the same (dependency confusion). pip runs setup code as it installs, usually as root.",
  remediation:
    'Use one HTTPS index with a valid certificate (an internal mirror that proxies PyPI, if you need private packages), drop `--trusted-host`, and pin the requirements with hashes (`--require-hashes`).',
  cwe: 'CWE-494',
  catalog: ['SUP-08'],
};
