import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'insecure-mount-options',
  title: 'Shared mount without nodev, nosuid, noexec, or unused filesystem loaded',
  severity: 'low',
  category: 'kernel-hardening-disabled',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A mount of `/tmp`, `/var/tmp` or `/dev/shm` without `nodev`, `nosuid` and `noexec`, or of `/home` without `nodev` and `nosuid`: by a mount resource or a line of the `/etc/fstab` the code deploys or edits: every local user can write there, so a device file, a setuid program or a binary they drop there is usable. Loading a filesystem module servers never use (`cramfs`, `freevxfs`, `jffs2`, `hfs`, `hfsplus`, `squashfs`, `udf`) widens the kernel code an attacker can reach.',
  remediation:
    'Mount the shared folders with `nodev,nosuid,noexec` (`/home`: `nodev,nosuid`), and keep unused filesystem modules out (`install cramfs /bin/true` in `/etc/modprobe.d/`) rather than loading them.',
  cwe: 'CWE-732',
  catalog: ['FILE-10'],
};
