import type { FormatSpec } from '../format-spec.js';

/** The kernel's settings, who may become root, and how file systems are mounted. */
export const SYSTEM_FORMATS: readonly FormatSpec[] = [
  {
    format: 'sysctl',
    label: 'sysctl',
    syntax: 'key-equals',
    files: '`sysctl.conf`, `*sysctl*.conf`, `sysctl.d/*`, or deployed to `/etc/sysctl.d/`',
    checks: 'kernel protections turned off (`kernel-hardening-disabled`)',
    name: /^([\w.-]*[._-])?sysctl([._-][\w.-]*)?\.conf$/i,
    folder: /(^|\/)sysctl\.d$/,
    destination: /^\/etc\/sysctl\.conf$|^\/(etc|usr\/lib|run)\/sysctl\.d\/[^/]+$/,
  },
  {
    format: 'sudoers',
    label: 'sudoers',
    syntax: 'rule-lines',
    files: '`sudoers`, `sudoers.d/*`, or deployed to `/etc/sudoers.d/`',
    checks: 'passwordless sudo for every command (`sudo-nopasswd`)',
    name: /(^|[._-])sudoers([._-][\w.-]*)?$/i,
    folder: /(^|\/)sudoers\.d$/,
    destination: /^\/etc\/sudoers(\.d\/[^/]+)?$/,
  },
  {
    format: 'fstab',
    label: 'fstab',
    syntax: 'mount-table',
    files: '`fstab`, or deployed to `/etc/fstab`',
    checks:
      '`/tmp`, `/var/tmp`, `/dev/shm` and `/home` without `nodev`, `nosuid`, `noexec` (`insecure-mount-options`)',
    name: /(^|[._-])fstab$/i,
    destination: /^\/etc\/fstab$/,
  },
];
