import type { Rule } from '../rule.js';
import { checkSettings, type Setting, type Verdict } from '../support/config-settings.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

interface KernelSetting {
  /** the values that weaken the host */
  weak: (value: string) => boolean;
  problem: string;
  /** low unless said */
  severity?: Verdict['severity'];
}

const IS = (expected: string) => (value: string) => value === expected;

/**
 * Kernel settings that turn off a protection, by key (dots or slashes, any interface for the
 * per-interface keys), with the values that turn it off. Baseline preferences that are not
 * protections (ICMP rate limits, TCP timestamps) are not here.
 */
const SETTINGS: Readonly<Record<string, KernelSetting>> = lookupTable({
  'kernel.randomize_va_space': {
    weak: (value) => value === '0' || value === '1',
    problem:
      'address space layout randomisation is off or partial, so memory-corruption exploits know where code and data are',
    severity: 'medium',
  },
  'fs.protected_symlinks': {
    weak: IS('0'),
    problem:
      'symlinks in world-writable folders are followed for everyone: the classic /tmp race to overwrite root-owned files comes back',
    severity: 'medium',
  },
  'fs.protected_hardlinks': {
    weak: IS('0'),
    problem: 'users may hard-link files they do not own, the basis of many privilege escalations',
    severity: 'medium',
  },
  'fs.suid_dumpable': {
    weak: (value) => value === '1' || value === '2',
    problem: 'setuid programs dump core, and their memory (keys, password hashes) lands on disk',
  },
  'kernel.kptr_restrict': {
    weak: IS('0'),
    problem: 'kernel addresses are shown to every user, which defeats kernel address randomisation',
  },
  'kernel.dmesg_restrict': {
    weak: IS('0'),
    problem: 'every user can read the kernel log, with its addresses and hardware details',
  },
  'kernel.yama.ptrace_scope': {
    weak: IS('0'),
    problem:
      "any process may attach to any other of the same user and read its memory (an agent's keys, a browser's sessions)",
  },
  'kernel.unprivileged_bpf_disabled': {
    weak: IS('0'),
    problem:
      'unprivileged users may load BPF programs, a frequent source of kernel privilege escalations',
  },
  'net.ipv4.tcp_syncookies': {
    weak: IS('0'),
    problem:
      'SYN cookies are off: a SYN flood fills the connection backlog and the host stops accepting connections',
  },
  'net.ipv4.conf.*.accept_source_route': {
    weak: IS('1'),
    problem:
      'source-routed packets are accepted, letting a sender choose the path and slip past filters',
  },
  'net.ipv6.conf.*.accept_source_route': {
    weak: IS('1'),
    problem:
      'source-routed packets are accepted, letting a sender choose the path and slip past filters',
  },
  'net.ipv4.conf.*.accept_redirects': {
    weak: IS('1'),
    problem:
      'ICMP redirects are accepted: anyone on the network segment can reroute the host’s traffic through themselves',
  },
  'net.ipv6.conf.*.accept_redirects': {
    weak: IS('1'),
    problem:
      'ICMP redirects are accepted: anyone on the network segment can reroute the host’s traffic through themselves',
  },
  'net.ipv4.conf.*.rp_filter': {
    weak: IS('0'),
    problem: 'reverse-path filtering is off, so packets with spoofed source addresses are accepted',
  },
  'net.ipv4.ip_forward': {
    weak: IS('1'),
    problem:
      'the host routes packets between its networks, bridging segments a firewall keeps apart',
  },
  'net.ipv6.conf.*.forwarding': {
    weak: IS('1'),
    problem:
      'the host routes packets between its networks, bridging segments a firewall keeps apart',
  },
});

/** Hosts whose job is to forward packets: container and Kubernetes nodes, routers, VPN gateways. */
const FORWARDING_HOST =
  /kube|k8s|k3s|docker|container|podman|lxc|lxd|cni|calico|flannel|cilium|weave|router|gateway|vpn|wireguard|openvpn|ipsec|strongswan|nat\b|masquerade|firewall|haproxy|keepalived|openstack|neutron|nova|libvirt|kvm|proxmox/i;
const FORWARDING_KEYS = new Set(['net.ipv4.ip_forward', 'net.ipv6.conf.*.forwarding']);

/** `net/ipv4/conf/eth0/rp_filter` → `net.ipv4.conf.*.rp_filter`. */
function keyOf(name: string): string {
  const dotted = name.trim().replace(/^-/, '').replace(/\//g, '.').toLowerCase();
  return dotted.replace(/^(net\.ipv[46]\.conf)\.[^.]+\.(.+)$/, '$1.*.$2');
}

function judge(
  path: string,
): (name: string, value: string, setting: Setting) => Verdict | undefined {
  return (name, value) => {
    const key = keyOf(name);
    const known = SETTINGS[key];
    if (!known?.weak(value.trim())) return undefined;
    if (FORWARDING_KEYS.has(key) && FORWARDING_HOST.test(path)) return undefined;
    return { problem: known.problem, severity: known.severity ?? 'low' };
  };
}

export const kernelHardeningDisabled: Rule = {
  meta,
  check(context) {
    checkSettings(context, ['sysctl'], judge(context.file.path));
  },
};
