import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'credentials-in-url',
  title: 'Credentials embedded in a URL',
  severity: 'high',
  category: 'hard-coded-secret',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A URL carries a literal password in its user information (`https://deploy:s3cret@git.example.com/app.git`, `mysql://root:hunter2@db/app`). The password is in the repository for everyone who can read it, and URLs travel further than other values: they are printed in logs, error messages, process lists and proxies, and stored in `.git/config` and shell history.',
  remediation:
    'Keep the password out of the URL and the repository: give it to the client separately (a credential helper, `url_password` with a vaulted variable, a `~/.netrc` or `.pgpass` with a tight mode), or build the URL from a secret store at run time (`{{ vault_git_token }}`, `lookup()`, `Sensitive()`, an encrypted data bag). Rotate the exposed password: it stays in the history.',
  cwe: 'CWE-798',
  catalog: ['SEC-04'],
  // GLITCH's hard-coded-secret smell reads key names, not URLs; its profile keeps its own definition.
};
