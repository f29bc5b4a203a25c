import type { FormatSpec } from '../format-spec.js';

/** How the host boots: the kernel command line GRUB passes, and what single-user mode runs. */
export const BOOT_FORMATS: readonly FormatSpec[] = [
  {
    format: 'grub',
    label: 'GRUB defaults',
    // Shell assignments: `GRUB_CMDLINE_LINUX="quiet init=/bin/sh"`.
    syntax: 'key-equals',
    files: '`grub` or `default-grub`, or deployed to `/etc/default/grub` or `/etc/default/grub.d/`',
    checks: 'a kernel command line that boots into a root shell (`boot-without-password`)',
    name: /(^|[._-])grub$/i,
    folder: /(^|\/)default\/grub\.d$/,
    destination: /^\/etc\/default\/grub(\.d\/[^/]+)?$/,
  },
  {
    format: 'sysconfig-init',
    label: '/etc/sysconfig/init',
    syntax: 'key-equals',
    files: '`sysconfig_init`, `sysconfig-init`, or deployed to `/etc/sysconfig/init`',
    checks: 'single-user mode without a password, `SINGLE=/sbin/sushell` (`boot-without-password`)',
    name: /(^|[._-])sysconfig[._-]init$/i,
    destination: /^\/etc\/sysconfig\/init$/,
  },
];
