/**
 * Ansible tasks that set up a security control: what a failed run must not hide. Each comes with
 * the words a message uses for it.
 */
import type { Unit } from '../../model/model.js';
import { CONTROL_SERVICES, SERVICE_TYPES } from '../knowledge/security-controls.js';
import { commandTextOf } from '../support/commands.js';
import { pathShape } from '../support/destinations.js';
import { attributeOf } from '../support/units.js';
import { lookupTable } from '../../shared/lookup-table.js';

/** Modules (short names) that manage a control, by what they set up. */
const SECURITY_MODULES: Readonly<Record<string, string>> = lookupTable({
  ufw: 'the firewall',
  firewalld: 'the firewall',
  iptables: 'the firewall',
  nftables: 'the firewall',
  selinux: 'SELinux',
  seboolean: 'SELinux',
  sefcontext: 'SELinux',
  seport: 'SELinux',
  selogin: 'SELinux',
  user: 'account removal or locking',
  authorized_key: 'the removal of SSH access',
  sudoers: 'the removal of sudo rights',
  pamd: 'PAM',
  pam_limits: 'PAM',
  sysctl: 'kernel hardening',
});

/**
 * A task that grants access (opens a port, adds an account, a key or a sudo rule) fails closed:
 * if it fails, less is allowed, not more. Only the restricting side of these modules counts.
 */
function grantsAccess(unit: Unit): boolean {
  const text = (name: string): string | undefined => {
    const value = attributeOf(unit, name)?.value;
    return value && typeof value.value !== 'object' ? String(value.value).toLowerCase() : undefined;
  };
  const state = text('state');
  switch (unit.type) {
    case 'ufw':
      return text('rule') === 'allow' || (state === undefined && text('policy') === 'allow');
    case 'firewalld':
      return (state === 'enabled' || state === 'present') && text('target') === undefined;
    case 'iptables':
      return text('jump') === 'accept' || text('policy') === 'accept';
    case 'user':
      return state !== 'absent' && text('password_lock') !== 'true';
    case 'authorized_key':
    case 'sudoers':
      return state !== 'absent';
    default:
      return false;
  }
}

/** Files whose content is a control: the SSH daemon, sudo, PAM, auditing, login policy. */
const SECURITY_FILES: readonly [RegExp, string][] = [
  [/^\/etc\/ssh\/sshd_config(\.d\/|$)/, 'the SSH daemon'],
  [/^\/etc\/sudoers(\.d\/|$)/, 'sudo'],
  [/^\/etc\/pam\.d\//, 'PAM'],
  [/^\/etc\/security\//, 'PAM'],
  [/^\/etc\/audit\//, 'auditing'],
  [/^\/etc\/login\.defs$/, 'the login policy'],
  [/^\/etc\/selinux\/config$/, 'SELinux'],
];

const FILE_WRITERS = new Set([
  'lineinfile',
  'blockinfile',
  'template',
  'copy',
  'replace',
  'ini_file',
]);
const PATH_KEYS = ['path', 'dest', 'name'];

/**
 * Commands that change a control (not those that only look: `iptables -L`, `ufw status`,
 * `semodule -l`).
 */
const SECURITY_COMMANDS: readonly [RegExp, string][] = [
  [
    /^(sudo\s+)?(ufw\s+(enable|deny|reject|limit|default\s+deny)|firewall-cmd\s+.*--(remove|set|reload)|iptables-restore\b|iptables\s+.*-j\s+(DROP|REJECT)\b|iptables\s+-P\s+\w+\s+DROP|nft\s+-f\b)/,
    'the firewall',
  ],
  [
    /^(sudo\s+)?(setenforce\s+(1|enforcing)|semanage\s+\w+\s+-[am]\b|semodule\s+-i\b|restorecon)/,
    'SELinux',
  ],
  [/^(sudo\s+)?(auditctl\s+-[wae]\b|augenrules)/, 'auditing'],
  [/^(sudo\s+)?(userdel|usermod\s+.*-L\b|passwd\s+-l\b)/, 'account removal or locking'],
];

/** What security control the task sets up, or undefined when it is not one. */
export function securityControlOf(unit: Unit): string | undefined {
  const module = SECURITY_MODULES[unit.type];
  if (module) return grantsAccess(unit) ? undefined : module;
  if (SERVICE_TYPES.has(unit.type)) {
    const name = attributeOf(unit, 'name')?.value.value;
    const state = attributeOf(unit, 'state')?.value.value;
    // Stopping a control is another rule's finding; starting it is what must not fail quietly.
    const starts = state === undefined || /^(started|restarted|reloaded)$/.test(String(state));
    return typeof name === 'string' && CONTROL_SERVICES.test(name) && starts
      ? `the ${name} service`
      : undefined;
  }
  if (FILE_WRITERS.has(unit.type)) {
    const target = unit.attributes.find((attribute) => PATH_KEYS.includes(attribute.name));
    const path = target ? pathShape(target.value, 'ansible') : undefined;
    return path ? SECURITY_FILES.find(([pattern]) => pattern.test(path))?.[1] : undefined;
  }
  if (unit.type === 'command' || unit.type === 'shell') {
    const command = unit.attributes.find((attribute) =>
      ['_raw_params', 'cmd', 'argv'].includes(attribute.name),
    );
    const text = command ? commandTextOf(command.value)?.trim() : undefined;
    return text ? SECURITY_COMMANDS.find(([pattern]) => pattern.test(text))?.[1] : undefined;
  }
  return undefined;
}
