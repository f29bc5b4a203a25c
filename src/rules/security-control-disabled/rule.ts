import type { Rule } from '../rule.js';
import type { Attribute, Unit } from '../../engine/model.js';
import { assignments } from '../support/assignments.js';
import { isFalse, isTrue, literalText, ownStrings } from '../support/values.js';
import { rangeOfMatch } from '../support/source-lines.js';
import { commandsIn, effectiveProgram } from '../support/commands.js';
import { CONTROL_SERVICES, SELINUX_OFF_TEXT, SELINUX_TYPES, SERVICE_TYPES } from '../knowledge/security-controls.js';

function attribute(unit: Unit, name: string): Attribute | undefined {
  return unit.attributes.find((candidate) => candidate.name === name);
}

function literal(unit: Unit, name: string): string | undefined {
  const found = attribute(unit, name);
  return found ? literalText(found.value)?.toLowerCase() : undefined;
}

/** A service resource that stops, disables or masks a security control. */
function disabledControl(unit: Unit): string | undefined {
  if (!SERVICE_TYPES.has(unit.type)) return undefined;
  const name = literal(unit, 'name');
  if (!name || !CONTROL_SERVICES.test(name)) return undefined;
  const state = literal(unit, 'state');
  const enabled = attribute(unit, 'enabled');
  const masked = attribute(unit, 'masked');
  if (state === 'stopped' || (enabled && isFalse(enabled.value)) || (masked && isTrue(masked.value))) return name;
  return undefined;
}

/** `setenforce 0`, `systemctl stop firewalld`, `ufw disable`, `auditctl -e 0`, `aa-teardown`. */
function disablingCommand(name: string, args: readonly string[]): string | undefined {
  if (name === 'setenforce' && /^(0|permissive)$/i.test(args[0] ?? '')) return `setenforce ${args[0]}`;
  if (name === 'systemctl' && /^(stop|disable|mask)$/.test(args[0] ?? '')) {
    const service = args.slice(1).find((arg) => CONTROL_SERVICES.test(arg));
    if (service) return `systemctl ${args[0]} ${service}`;
  }
  if (name === 'service' && CONTROL_SERVICES.test(args[0] ?? '') && args[1] === 'stop') return `service ${args[0]} stop`;
  if (name === 'chkconfig' && CONTROL_SERVICES.test(args[0] ?? '') && args[1] === 'off') return `chkconfig ${args[0]} off`;
  if (name === 'update-rc.d' && CONTROL_SERVICES.test(args[0] ?? '') && (args[1] === 'disable' || args[1] === 'remove')) return `update-rc.d ${args[0]} ${args[1]}`;
  if (name === 'ufw' && args[0] === 'disable') return 'ufw disable';
  if (name === 'auditctl' && args.includes('-e') && args[args.indexOf('-e') + 1] === '0') return 'auditctl -e 0';
  if (name === 'aa-teardown' || name === 'aa-disable') return name;
  return undefined;
}

export const securityControlDisabled: Rule = {
  meta: {
    id: 'security-control-disabled',
    title: 'Host security control disabled',
    severity: 'high',
    category: 'security-control-disabled',
    languages: ['ansible'],
    description:
      'SELinux or AppArmor is switched off or to permissive, or the host firewall or audit daemon is stopped or disabled. These controls contain a compromise and record what happened; turning them off is rarely the right fix for the problem at hand.',
    remediation:
      'Keep the control enforcing and fix the specific denial instead: an SELinux boolean or file context (`seboolean`, `sefcontext`), an AppArmor profile change, or a firewall rule for the port that must be open.',
    cwe: 'CWE-693',
  },
  check({ file, report }) {
    for (const unit of file.units) {
      if (SELINUX_TYPES.has(unit.type)) {
        const state = literal(unit, 'state');
        if (state === 'disabled' || state === 'permissive') report({ range: unit.typeRange, message: `SELinux is set to ${state}` });
      }
      if (unit.type === 'ufw' && literal(unit, 'state') === 'disabled') report({ range: unit.typeRange, message: 'the ufw firewall is disabled' });
      const control = disabledControl(unit);
      if (control) report({ range: unit.typeRange, message: `the security service \`${control}\` is stopped or disabled` });
    }
    for (const assignment of assignments(file)) {
      for (const value of ownStrings(assignment.value)) {
        if (SELINUX_OFF_TEXT.test(value.value)) report({ range: rangeOfMatch(file, value, SELINUX_OFF_TEXT), message: 'writes a configuration that turns SELinux off' });
      }
    }
    for (const command of commandsIn(file)) {
      for (const step of command.script.commands) {
        const { name, args } = effectiveProgram(step);
        const action = disablingCommand(name, args);
        if (action) report({ range: command.range, message: `\`${action}\` turns a security control off` });
      }
    }
  },
};
