import type { Rule } from '../rule.js';
import type { Language, Unit } from '../../engine/model.js';
import { assignments } from '../support/assignments.js';
import { literalText, ownStrings } from '../support/values.js';
import { rangeOfMatch } from '../support/source-lines.js';
import { commandsIn, effectiveProgram } from '../support/commands.js';
import { CONTROL_SERVICES, SELINUX_OFF_TEXT, SERVICE_TYPES } from '../knowledge/security-controls.js';
import { SELINUX_MODE, SELINUX_OFF, SERVICE_STOPPING } from '../knowledge/services.js';

/** The literal words an attribute holds: a scalar, or the items of a list (`action [:stop, :disable]`). */
function words(unit: Unit, name: string): string[] {
  const found = unit.attributes.find((candidate) => candidate.name === name);
  if (!found) return [];
  const values = found.value.kind === 'list' ? (found.value.items ?? []) : [found.value];
  return values.map((value) => literalText(value)?.toLowerCase().replace(/^:/, '')).filter((word): word is string => word !== undefined);
}

/** A service resource that stops, disables or masks a security control. */
function disabledControl(unit: Unit, language: Language): string | undefined {
  if (!SERVICE_TYPES.has(unit.type)) return undefined;
  const stopping = SERVICE_STOPPING[language];
  const name = stopping.name.map((attribute) => words(unit, attribute)[0]).find(Boolean) ?? unit.name;
  if (!name || !CONTROL_SERVICES.test(name)) return undefined;
  const stops = Object.entries(stopping.stoppedWhen).some(([attribute, values]) => words(unit, attribute).some((word) => values.includes(word)));
  return stops ? name : undefined;
}

/** SELinux set to disabled or permissive through the language's own resource. */
function selinuxOff(unit: Unit, language: Language): string | undefined {
  for (const { type, title, attribute } of SELINUX_MODE[language]) {
    if (unit.type !== type) continue;
    if (title && unit.name?.replace(/^::/, '') !== title) continue;
    const mode = words(unit, attribute).find((word) => SELINUX_OFF.has(word));
    if (mode) return mode;
  }
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
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'SELinux or AppArmor is switched off or to permissive, or the host firewall or audit daemon is stopped or disabled. These controls contain a compromise and record what happened; turning them off is rarely the right fix for the problem at hand.',
    remediation:
      'Keep the control enforcing and fix the specific denial instead: an SELinux boolean or file context (`seboolean`, `sefcontext`), an AppArmor profile change, or a firewall rule for the port that must be open.',
    cwe: 'CWE-693',
  },
  check({ file, report }) {
    for (const unit of file.units) {
      const mode = selinuxOff(unit, file.language);
      if (mode) report({ range: unit.typeRange, message: `SELinux is set to ${mode}` });
      if (unit.type === 'ufw' && words(unit, 'state').includes('disabled')) report({ range: unit.typeRange, message: 'the ufw firewall is disabled' });
      const control = disabledControl(unit, file.language);
      if (control) report({ range: unit.typeRange, message: `the security service \`${control}\` is stopped or disabled` });
    }
    for (const assignment of assignments(file)) {
      for (const value of ownStrings(assignment.value)) {
        if (SELINUX_OFF_TEXT.test(value.value)) report({ range: rangeOfMatch(file, value.range, SELINUX_OFF_TEXT), message: 'writes a configuration that turns SELinux off' });
      }
    }
    for (const command of commandsIn(file)) {
      for (const step of command.script.commands) {
        const { name, args } = effectiveProgram(step);
        const action = disablingCommand(name, args);
        if (action) report({ range: command.rangeOf(step), message: `\`${action}\` turns a security control off` });
      }
    }
  },
};
