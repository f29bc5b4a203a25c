import type { Rule, RuleContext } from '../rule.js';
import { assignments, type Assignment } from '../support/assignments.js';
import { checkSettings, type Judge } from '../support/config-settings.js';
import { literalText } from '../support/values.js';
import { meta } from './meta.js';

/** The connection variables that carry an SSH login password. */
const PASSWORD_VARIABLES = new Set([
  'ansible_ssh_pass',
  'ansible_ssh_password',
  'ansible_password',
]);
/** Connections that log in over SSH; `ansible_password` serves WinRM, network and API ones too. */
const SSH_CONNECTIONS = new Set(['ssh', 'paramiko', 'paramiko_ssh', 'smart']);
/** Paths of inventories for hosts that are not reached over SSH: Windows and network devices. */
const NOT_SSH_PATH =
  /(^|[/_.-])(win(dows)?|winrm|network|switch(es)?|routers?|ios|iosxr|nxos|junos|eos|vyos|asa|panos|fortios)([/_.-]|$)/i;

function connectionBeside(assignment: Assignment): string | undefined {
  const connection = assignment.siblings.find((sibling) => sibling.name === 'ansible_connection');
  return connection ? literalText(connection.value)?.trim().toLowerCase() : undefined;
}

function checkPassword(context: RuleContext, assignment: Assignment): void {
  if (assignment.source !== 'variable' || !PASSWORD_VARIABLES.has(assignment.name)) return;
  const text =
    assignment.value.kind === 'string'
      ? String(assignment.value.value ?? '')
      : assignment.value.text;
  if (text.trim() === '' || assignment.value.kind === 'null') return;
  const connection = connectionBeside(assignment);
  const explicitSsh = assignment.name !== 'ansible_password';
  if (connection !== undefined && !SSH_CONNECTIONS.has(connection)) return;
  if (!explicitSsh && connection === undefined && NOT_SSH_PATH.test(context.file.path)) return;
  const via = connection === 'paramiko' || connection === 'paramiko_ssh' ? ' through paramiko' : '';
  context.report({
    range: assignment.range,
    message: `\`${assignment.name}\` makes Ansible log in to these hosts over SSH${via} with a password: the hosts must accept password logins, open to guessing and credential stuffing, and the password is shared by every run; use SSH keys (\`ansible_ssh_private_key_file\`, an agent) and turn password authentication off on the hosts`,
  });
}

/** `ask_pass = True` in ansible.cfg: every run prompts for an SSH password. */
const judgeConfig: Judge = (name, value) => {
  if (name.toLowerCase() !== 'ask_pass') return undefined;
  const asks = /^(true|yes|on|1)$/i.test(value.trim());
  return asks
    ? {
        problem:
          'every run logs in to the hosts with an SSH password, so they must accept password logins; use SSH keys',
      }
    : undefined;
};

export const ansiblePasswordConnection: Rule = {
  meta,
  check(context) {
    if (context.file.language !== 'ansible') return;
    for (const assignment of assignments(context.file)) checkPassword(context, assignment);
    checkSettings(context, ['ansible-cfg'], judgeConfig);
  },
};
