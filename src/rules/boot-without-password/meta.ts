import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'boot-without-password',
  title: 'Root shell at boot without a password',
  severity: 'medium',
  category: 'weak-authentication-policy',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "The code configures the host to give a root shell at boot without asking for a password: single-user mode set to `SINGLE=/sbin/sushell` in `/etc/sysconfig/init` instead of `sulogin`, or a kernel command line in `/etc/default/grub` (`GRUB_CMDLINE_LINUX`) with `init=/bin/sh`, `systemd.debug-shell` or `rd.break`. Anyone at the console, or at a cloud provider's serial console, becomes root without credentials. `PROMPT=yes`, which lets the console choose which services start, is low. When a variable gives the value, the finding is on the line that sets the variable.",
  remediation:
    'Set `SINGLE=/sbin/sulogin` and `PROMPT=no`; keep `init=`, `systemd.debug-shell` and `rd.break` off the default kernel command line (use them once, by hand, when recovering a host); protect GRUB with a superuser and `password_pbkdf2` so that the command line cannot be edited at boot.',
  cwe: 'CWE-306',
  catalog: ['HARD-15'],
};
