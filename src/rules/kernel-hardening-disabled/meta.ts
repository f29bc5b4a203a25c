import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'kernel-hardening-disabled',
  title: 'Kernel protection turned off by a sysctl',
  severity: 'medium',
  category: 'kernel-hardening-disabled',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A kernel setting the code applies turns a protection off: address space randomisation, protected symlinks and hard links, core dumps of setuid programs, kernel pointer and log restrictions, ptrace scope, unprivileged BPF, SYN cookies, source routing, ICMP redirects, reverse-path filtering, or packet forwarding on a host that is not a router or container node. Read from `sysctl` tasks and resources and from `sysctl.conf` files and templates the code deploys; a value given by a variable is reported where the variable is set.',
  remediation:
    "Leave the kernel's secure defaults in place (`kernel.randomize_va_space = 2`, `fs.protected_symlinks = 1`, `fs.suid_dumpable = 0`, `net.ipv4.tcp_syncookies = 1`, `accept_redirects = 0`, `rp_filter = 1`), and turn forwarding on only on the hosts that route.",
  cwe: 'CWE-1188',
  catalog: ['NET-10', 'NET-11', 'HARD-07', 'HARD-08'],
};
