import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'weak-authentication-policy',
  title: 'PAM or login.defs weakens how passwords are checked or stored',
  severity: 'high',
  category: 'weak-authentication-policy',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A PAM stack or `login.defs` the code deploys lets anyone authenticate (`auth sufficient pam_permit.so`, or `pam_permit.so` as the only authentication module), lets accounts with an empty password log in (`nullok` on `pam_unix.so`), or stores passwords as MD5 or DES crypt hashes (`md5`, `bigcrypt`, `des` on a `password` line of `pam_unix.so`; `ENCRYPT_METHOD MD5` or `DES`). Read from files and templates under `pam.d/` and named like `common-auth` or `system-auth`, from `login.defs`, and from lines tasks and resources write into them; a value given by a variable is reported where the variable is set.',
  remediation:
    'Authenticate with a module that checks something (`pam_unix.so`, `pam_sss.so`) and end the stack with `pam_deny.so`; drop `nullok` and lock accounts that have no password; hash with `sha512` or `yescrypt` (`password ... pam_unix.so sha512`, `ENCRYPT_METHOD SHA512`).',
  cwe: 'CWE-521',
  catalog: ['HARD-09'],
};
