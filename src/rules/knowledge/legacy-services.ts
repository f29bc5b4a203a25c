/**
 * Remote services that send logins in clear text or trust the network: the servers of telnet,
 * the r-commands, NIS and TFTP, and the inetd super-servers that start them. Clients are not
 * here: installing `telnet` or `rsh-client` exposes nothing on the host.
 */
import type { Severity } from '../../model/finding.js';
import type { Language } from '../../model/model.js';
import { lookupTable } from '../../shared/lookup-table.js';

export type LegacyKind = 'telnet' | 'rsh' | 'nis' | 'tftp' | 'inetd';

export interface LegacyService {
  /** what it exposes, for the message */
  problem: string;
  severity: Severity;
  /** the modern replacement, for the message */
  instead: string;
}

export const LEGACY_KINDS: Readonly<Record<LegacyKind, LegacyService>> = {
  telnet: {
    problem:
      'a telnet server: every login, password included, and everything typed after it crosses the network in clear text',
    severity: 'high',
    instead: 'use SSH',
  },
  rsh: {
    problem:
      'an rsh/rlogin/rexec server: sessions in clear text, and logins trusted by host name and `.rhosts` files alone',
    severity: 'high',
    instead: 'use SSH',
  },
  nis: {
    problem:
      'an NIS server (ypserv): any host that asks gets the password maps, hashes included, over the network in clear text',
    severity: 'high',
    instead: 'use LDAP or SSSD over TLS',
  },
  tftp: {
    problem:
      'a TFTP server: files are served, and with some options accepted, to anyone who asks, with no authentication at all',
    severity: 'medium',
    instead:
      'serve files over HTTPS or SFTP, or keep TFTP on the provisioning hosts of an isolated network',
  },
  inetd: {
    problem:
      'a legacy inetd super-server, which starts services such as telnet, rsh and tftp on demand',
    severity: 'low',
    instead: 'run the services you need as systemd units',
  },
};

/** Server packages by name (Debian and Red Hat families). */
export const LEGACY_PACKAGES: Readonly<Record<string, LegacyKind>> = lookupTable({
  telnetd: 'telnet',
  'telnet-server': 'telnet',
  'inetutils-telnetd': 'telnet',
  'rsh-server': 'rsh',
  'rsh-redone-server': 'rsh',
  ypserv: 'nis',
  'tftp-server': 'tftp',
  tftpd: 'tftp',
  'tftpd-hpa': 'tftp',
  atftpd: 'tftp',
  xinetd: 'inetd',
  'openbsd-inetd': 'inetd',
  'inetutils-inetd': 'inetd',
});

/** Services and sockets by unit name, without `.service`. */
export const LEGACY_SERVICE_UNITS: Readonly<Record<string, LegacyKind>> = lookupTable({
  'telnet.socket': 'telnet',
  'rsh.socket': 'rsh',
  'rlogin.socket': 'rsh',
  'rexec.socket': 'rsh',
  ypserv: 'nis',
  'tftp.socket': 'tftp',
  'tftpd-hpa': 'tftp',
  atftpd: 'tftp',
  xinetd: 'inetd',
  inetd: 'inetd',
  'openbsd-inetd': 'inetd',
  'inetutils-inetd': 'inetd',
});

/**
 * Where a TFTP server is the job: network boot and provisioning (PXE, Cobbler, Foreman, MAAS,
 * Ironic), or a role or module named for TFTP itself.
 */
export const PROVISIONING_PATH =
  /pxe|netboot|cobbler|foreman|provision|kickstart|maas|ironic|tftp|bootserver|boot[-_]server|dnsmasq/i;

export interface ServiceStart {
  types: ReadonlySet<string>;
  /** attributes naming the service, in order of preference */
  name: readonly string[];
  /** attribute → literal values that run the service now or at boot */
  runningWhen: Readonly<Record<string, readonly string[]>>;
}

export const SERVICE_STARTS: Partial<Record<Language, ServiceStart>> = {
  ansible: {
    types: new Set(['service', 'systemd', 'systemd_service', 'sysvinit']),
    name: ['name'],
    runningWhen: {
      state: ['started', 'restarted', 'reloaded'],
      enabled: ['true', 'yes', 'on', '1'],
    },
  },
  puppet: {
    types: new Set(['service']),
    name: ['name', 'title'],
    runningWhen: { ensure: ['running', 'true'], enable: ['true'] },
  },
  chef: {
    types: new Set(['service', 'systemd_unit']),
    name: ['service_name', 'unit_name', 'name'],
    runningWhen: { action: ['enable', 'start', 'restart', 'reload'] },
  },
};
