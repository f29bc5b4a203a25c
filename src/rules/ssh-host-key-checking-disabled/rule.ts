import type { Rule, RuleContext } from '../rule.js';
import type { Unit, Value } from '../../model/model.js';
import { assignments, keyLabel, valueRange, type Assignment } from '../support/assignments.js';
import { isFalse, isTrue, ownStrings, removesResource } from '../support/values.js';
import { nameWords } from '../support/names.js';
import { rangeOfMatch } from '../support/source-lines.js';
import { bindings, reportBinding, usePhrase } from '../support/bindings.js';
import {
  HOST_KEY_ACCEPTING_OPTIONS,
  HOST_KEY_CHECKING_SETTINGS,
  SSH_HOST_KEY_CHECKS_OFF,
} from '../knowledge/commands.js';
import { endsWithSetting } from '../knowledge/settings.js';
import { checkSettings, type Setting, type Verdict } from '../support/config-settings.js';
import { meta } from './meta.js';

/** An ssh_config directive that stops checking host keys. */
function clientSetting(name: string, value: string): Verdict | undefined {
  const setting = name.toLowerCase();
  if (setting === 'stricthostkeychecking' && /^(no|off)$/i.test(value))
    return { problem: effectOf('StrictHostKeyChecking') };
  if (setting === 'userknownhostsfile' && value.split(/\s+/).includes('/dev/null'))
    return { problem: effectOf('UserKnownHostsFile') };
  return undefined;
}

/** The sections of `ansible.cfg` whose `host_key_checking` the SSH and paramiko connections read. */
const ANSIBLE_CHECKING_SECTIONS = new Set(['defaults', 'ssh_connection', 'paramiko_connection']);
/** The `[ssh_connection]` settings whose text Ansible passes to `ssh`, `scp` and `sftp`. */
const ANSIBLE_SSH_ARGUMENTS = new Set([
  'ssh_args',
  'ssh_common_args',
  'ssh_extra_args',
  'scp_extra_args',
  'sftp_extra_args',
]);
/** What Ansible's configuration reads as false; `;` starts a comment after a value. */
const ANSIBLE_FALSE = /^(false|no|off|n|f|0)(\s+;.*)?$/i;

/**
 * An `ansible.cfg` setting that stops Ansible checking the host keys of the hosts it manages:
 * `host_key_checking = False`, or ssh options that do it. A setting written outside any section
 * (by a task's `lineinfile`) counts as the `[defaults]` one it almost always is.
 */
function ansibleSetting(name: string, value: string, setting: Setting): Verdict | undefined {
  const key = name.toLowerCase();
  const section = setting.section;
  if (
    key === 'host_key_checking' &&
    (section === undefined || ANSIBLE_CHECKING_SECTIONS.has(section)) &&
    ANSIBLE_FALSE.test(value)
  )
    return {
      problem:
        'Ansible accepts whatever host key a managed host presents, so a man in the middle can pose as the host and receive what Ansible sends it (become passwords, deployed secrets)',
    };
  if (section !== 'ssh_connection' || !ANSIBLE_SSH_ARGUMENTS.has(key)) return undefined;
  const option = SSH_HOST_KEY_CHECKS_OFF.exec(value)?.[0];
  return option
    ? { problem: `Ansible runs ssh with \`${option}\`: ${effectOf(option)}` }
    : undefined;
}

/** Arguments that search for text rather than write it (`regexp: '^StrictHostKeyChecking'`). */
const SEARCHING_ARGUMENTS = new Set([
  'regexp',
  'regex',
  'search_string',
  'pattern',
  'match',
  'unless',
  'onlyif',
  'creates',
]);

function effectOf(option: string): string {
  return /UserKnownHostsFile/i.test(option)
    ? 'ssh forgets every host key it sees, so each connection trusts whatever host answers'
    : 'ssh accepts any host key, so a man in the middle can pose as the host';
}

/** `ansible_host_key_checking: false`, `ANSIBLE_HOST_KEY_CHECKING: "False"`, git's `accept_hostkey: true`. */
function switchedOff(assignment: Pick<Assignment, 'name' | 'unit'>, value: Value): boolean {
  if (endsWithSetting(nameWords(assignment.name), HOST_KEY_CHECKING_SETTINGS) && isFalse(value))
    return true;
  const acceptingType = HOST_KEY_ACCEPTING_OPTIONS[assignment.name];
  return acceptingType !== undefined && assignment.unit?.type === acceptingType && isTrue(value);
}

function checkAssignment(context: RuleContext, assignment: Assignment): void {
  const { file, report } = context;
  if (switchedOff(assignment, assignment.value)) {
    report({
      range: valueRange(assignment, assignment.value),
      message: `\`${assignment.name}\` set to \`${assignment.value.text}\` turns SSH host key checking off: any host key is accepted`,
    });
    return;
  }
  for (const item of ownStrings(assignment.value)) {
    const option = SSH_HOST_KEY_CHECKS_OFF.exec(item.value)?.[0];
    if (option)
      report({
        range: rangeOfMatch(file, item.range, SSH_HOST_KEY_CHECKS_OFF),
        message: `${keyLabel(file, assignment)} sets \`${option}\`: ${effectOf(option)}`,
      });
  }
}

function checkBindings(context: RuleContext, assignment: Assignment, unit: Unit): void {
  // An option written in the value itself is reported where it is written, not on the variables
  // the value also reads.
  const writtenHere = SSH_HOST_KEY_CHECKS_OFF.test(assignment.value.text);
  for (const binding of bindings(context, assignment.value, unit.within)) {
    const use = {
      range: assignment.value.range,
      as: usePhrase(context.file, unit, assignment.name),
    };
    if (switchedOff(assignment, binding.value)) {
      reportBinding(context, binding, use, 'turns SSH host key checking off');
      continue;
    }
    const option =
      typeof binding.value.value === 'string'
        ? SSH_HOST_KEY_CHECKS_OFF.exec(binding.value.value)?.[0]
        : undefined;
    if (option && !writtenHere)
      reportBinding(context, binding, use, `gives \`${option}\`: ${effectOf(option)}`);
  }
}

export const sshHostKeyCheckingDisabled: Rule = {
  meta,
  check(context) {
    for (const assignment of assignments(context.file)) {
      if (SEARCHING_ARGUMENTS.has(assignment.name)) continue;
      // A task or resource that removes a line or a file writes nothing.
      if (assignment.unit && removesResource(assignment.unit, context.file.language)) continue;
      checkAssignment(context, assignment);
      if (assignment.unit) checkBindings(context, assignment, assignment.unit);
    }
    checkSettings(context, ['ssh'], clientSetting);
    checkSettings(context, ['ansible-cfg'], ansibleSetting);
  },
};
