import type { FormatSpec } from '../format-spec.js';

/** How users log in and how their passwords are kept: the PAM stacks and `login.defs`. */
export const ACCOUNT_FORMATS: readonly FormatSpec[] = [
  {
    format: 'pam',
    label: 'PAM',
    syntax: 'columns',
    files:
      '`pam.d/*`, `common-auth`, `common-password`, `system-auth`, `password-auth`, or deployed to `/etc/pam.d/`',
    checks:
      '`pam_permit.so` letting anyone authenticate, `nullok`, MD5 or DES password hashes (`weak-authentication-policy`)',
    // common-auth, common-password, common-session-noninteractive, system-auth-ac, password-auth
    name: /(^|[._-])(common-(auth|account|password|session(-noninteractive)?)|(system|password)-auth(-ac|-local)?)$/i,
    folder: /(^|\/)pam\.d$/,
    destination: /^\/etc\/pam\.d\/[^/]+$/,
  },
  {
    format: 'login-defs',
    label: 'login.defs',
    syntax: 'keyword',
    files: '`login.defs`, or deployed to `/etc/login.defs`',
    checks: '`ENCRYPT_METHOD MD5` or `DES` (`weak-authentication-policy`)',
    name: /(^|[._-])login\.defs$/i,
    destination: /^\/etc\/login\.defs$/,
  },
];
