import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, Language, Unit } from '../../model/model.js';
import { assignments, valueRange, type Assignment } from '../support/assignments.js';
import { literalWords, ownStrings } from '../support/values.js';
import { rangeOfMatch } from '../support/source-lines.js';
import { commandsIn, effectiveProgram, type CommandText } from '../support/commands.js';
import { boundCommandsIn, boundUnits, reportBinding, usePhrase } from '../support/bindings.js';
import {
  CONTROL_SERVICES,
  SELINUX_OFF_TEXT,
  SERVICE_TYPES,
} from '../knowledge/security-controls.js';
import { SELINUX_MODE, SELINUX_OFF, SERVICE_STOPPING } from '../knowledge/services.js';
import { attributeOf } from '../support/units.js';
import { loopIterations } from '../support/loop-items.js';
import { meta } from './meta.js';

/** What turns the control off: the attribute and what its value does. */
interface Switch {
  attribute: Attribute;
  effect: string;
  /** the security service a service resource stops */
  service?: string;
}

/** The literal words an attribute holds: a scalar, or the items of a list. */
function words(attribute: Attribute | undefined): string[] {
  return attribute ? literalWords(attribute.value) : [];
}

/** SELinux set to disabled or permissive through the language's own resource. */
function selinuxOff(unit: Unit, language: Language): Switch | undefined {
  for (const { type, title, attribute } of SELINUX_MODE[language] ?? []) {
    if (unit.type !== type) continue;
    if (title && unit.name?.replace(/^::/, '') !== title) continue;
    const mode = attributeOf(unit, attribute);
    const off = words(mode).find((word) => SELINUX_OFF.has(word));
    if (mode && off)
      return {
        attribute: mode,
        effect:
          off === 'disabled' ? 'turns SELinux off' : 'stops SELinux from enforcing its policy',
      };
  }
  return undefined;
}

function ufwDisabled(unit: Unit): Switch | undefined {
  const state = unit.type === 'ufw' ? attributeOf(unit, 'state') : undefined;
  return state && words(state).includes('disabled')
    ? { attribute: state, effect: 'turns the ufw firewall off' }
    : undefined;
}

/** A service resource that stops, disables or masks a security control. */
function controlStopped(unit: Unit, language: Language): Switch | undefined {
  if (!SERVICE_TYPES.has(unit.type)) return undefined;
  const stopping = SERVICE_STOPPING[language];
  if (!stopping) return undefined;
  // Every name a resource declares (Puppet's `service { ['firewalld', 'iptables']: }`).
  const named =
    stopping.name
      .map((attribute) => words(attributeOf(unit, attribute)))
      .find((names) => names.length > 0) ?? (unit.name ? [unit.name] : []);
  const name = named.find((candidate) => CONTROL_SERVICES.test(candidate));
  if (!name) return undefined;
  for (const [attributeName, values] of Object.entries(stopping.stoppedWhen)) {
    const attribute = attributeOf(unit, attributeName);
    if (words(attribute).some((word) => values.includes(word)) && attribute)
      return { attribute, effect: `stops the security service \`${name}\``, service: name };
  }
  return undefined;
}

function switchedOff(unit: Unit, language: Language): Switch | undefined {
  return selinuxOff(unit, language) ?? ufwDisabled(unit) ?? controlStopped(unit, language);
}

/**
 * Whether a unit is of a type `switchedOff` reads: no value its variables take can turn a
 * control off through any other task or resource, so their bindings need not be worked out.
 */
function canSwitchOff(unit: Unit, language: Language): boolean {
  return (
    unit.type === 'ufw' ||
    SERVICE_TYPES.has(unit.type) ||
    (SELINUX_MODE[language] ?? []).some(({ type }) => type === unit.type)
  );
}

/** `setenforce 0`, `systemctl stop firewalld`, `ufw disable`, `auditctl -e 0`, `aa-teardown`. */
function disablingCommand(name: string, args: readonly string[]): string | undefined {
  if (name === 'setenforce' && /^(0|permissive)$/i.test(args[0] ?? ''))
    return `setenforce ${args[0]}`;
  // Options may come before the verb: `systemctl --now disable firewalld`, `ufw --force disable`.
  const verb = args.find((arg) => !arg.startsWith('-')) ?? '';
  if (name === 'systemctl' && /^(stop|disable|mask)$/.test(verb)) {
    const service = args.slice(args.indexOf(verb) + 1).find((arg) => CONTROL_SERVICES.test(arg));
    if (service) return `systemctl ${verb} ${service}`;
  }
  if (name === 'service' && CONTROL_SERVICES.test(args[0] ?? '') && args[1] === 'stop')
    return `service ${args[0]} stop`;
  if (name === 'chkconfig' && CONTROL_SERVICES.test(args[0] ?? '') && args[1] === 'off')
    return `chkconfig ${args[0]} off`;
  if (
    name === 'update-rc.d' &&
    CONTROL_SERVICES.test(args[0] ?? '') &&
    (args[1] === 'disable' || args[1] === 'remove')
  )
    return `update-rc.d ${args[0]} ${args[1]}`;
  if (name === 'ufw' && verb === 'disable') return 'ufw disable';
  if (name === 'auditctl' && args.includes('-e') && args[args.indexOf('-e') + 1] === '0')
    return 'auditctl -e 0';
  if (name === 'aa-teardown' || name === 'aa-disable') return name;
  return undefined;
}

/**
 * An Ansible service task that stops security services it takes from its loop (`name: "{{ item
 * }}"`), the switch written in the task itself. Items written in the task (`loop: [firewalld,
 * auditd]`) make one finding on the switch, naming every service; an item of a list a variable
 * holds is reported where the list names it, as a binding is.
 */
function checkLoop(context: RuleContext, unit: Unit): boolean {
  if (context.file.language !== 'ansible' || !SERVICE_TYPES.has(unit.type)) return false;
  const services: string[] = [];
  let inTask: Attribute | undefined;
  let reported = false;
  for (const iteration of loopIterations(context, unit) ?? []) {
    const off = switchedOff(iteration.unit, context.file.language);
    const written = off && unit.attributes.find((given) => given.name === off.attribute.name);
    if (!off?.service || written?.value.range !== off.attribute.value.range) continue;
    const nameAttribute = unit.attributes.find(
      (given) => iteration.givenBy?.has(given.name) && words(given).length === 0,
    );
    const definition = nameAttribute && iteration.givenBy?.get(nameAttribute.name);
    if (nameAttribute && definition) {
      reported = true;
      reportBinding(
        context,
        {
          value: definition.value,
          reference: nameAttribute.value.text,
          taken: off.service,
          definition,
        },
        { range: nameAttribute.value.range, as: usePhrase(context.file, unit, nameAttribute.name) },
        `stops the security service \`${off.service}\` (\`${written.name}: ${written.value.text}\`)`,
      );
    } else if (!services.includes(off.service)) {
      services.push(off.service);
      inTask = written;
    }
  }
  if (inTask) {
    const names = services.map((service) => `\`${service}\``);
    context.report({
      range: valueRange(inTask, inTask.value),
      message: `\`${inTask.name}\` set to \`${inTask.value.text}\` stops the security ${
        names.length === 1
          ? `service ${names[0]}`
          : `services ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
      }, ${names.length === 1 ? 'an item' : 'items'} of the task's loop`,
    });
  }
  return reported || inTask !== undefined;
}

function checkUnits(context: RuleContext): void {
  const { file, report } = context;
  for (const unit of file.units) {
    const off = switchedOff(unit, file.language);
    if (off)
      report({
        range: valueRange(off.attribute, off.attribute.value),
        message: `\`${off.attribute.name}\` set to \`${off.attribute.value.text}\` ${off.effect}`,
      });
    if (off || !canSwitchOff(unit, file.language) || checkLoop(context, unit)) continue;
    for (const bound of boundUnits(context, unit)) {
      const boundOff = switchedOff(bound.unit, file.language);
      if (boundOff?.attribute.name !== bound.attribute.name) continue;
      reportBinding(
        context,
        bound.binding,
        { range: bound.attribute.value.range, as: usePhrase(file, unit, bound.attribute.name) },
        boundOff.effect,
      );
    }
  }
}

function checkCommands(context: RuleContext): void {
  for (const command of commandsIn(context.file)) {
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      const action = disablingCommand(name, args);
      if (action)
        context.report({
          range: command.rangeOf(step),
          message: `\`${action}\` turns a security control off`,
        });
    }
  }
  const actionOf = (command: CommandText) =>
    command.script.commands
      .map((step) => effectiveProgram(step))
      .map(({ name, args }) => disablingCommand(name, args))
      .find(Boolean);
  for (const command of boundCommandsIn(context)) {
    const action = actionOf(command);
    if (action && !(command.written && actionOf(command.written) === action))
      reportBinding(
        context,
        command.binding,
        { range: command.range, as: usePhrase(context.file, command.unit, command.attribute) },
        `gives \`${action}\`, which turns a security control off`,
      );
  }
}

/**
 * A Hiera key that sets a known class's mode through automatic parameter lookup
 * (`selinux::mode: disabled` for the Forge `selinux` class): the class, wherever it is
 * included, takes it.
 */
function hieraSelinuxOff(assignment: Assignment): string | undefined {
  if (assignment.scope !== 'hiera') return undefined;
  const key = assignment.path.join('::');
  const setting = (SELINUX_MODE.puppet ?? []).find(
    ({ type, title, attribute }) =>
      type === 'class' && title !== undefined && key === `${title}::${attribute}`,
  );
  return setting && literalWords(assignment.value).find((word) => SELINUX_OFF.has(word));
}

export const securityControlDisabled: Rule = {
  meta,
  check(context) {
    const { file, report } = context;
    checkUnits(context);
    for (const assignment of assignments(file)) {
      const hieraOff = file.language === 'puppet' ? hieraSelinuxOff(assignment) : undefined;
      if (hieraOff)
        report({
          range: valueRange(assignment, assignment.value),
          message: `\`${assignment.path.join('::')}\` set to \`${assignment.value.text}\` ${
            hieraOff === 'disabled'
              ? 'turns SELinux off'
              : 'stops SELinux from enforcing its policy'
          } on every node that includes the class`,
        });
      for (const value of ownStrings(assignment.value)) {
        const match = SELINUX_OFF_TEXT.exec(value.value);
        if (match)
          report({
            range: rangeOfMatch(file, value.range, SELINUX_OFF_TEXT),
            message: `writes \`${match[0]}\`, which turns SELinux off`,
          });
      }
    }
    checkCommands(context);
  },
};
