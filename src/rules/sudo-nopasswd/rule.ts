import type { Rule } from '../rule.js';
import { assignments } from '../support/assignments.js';
import { isFalse, ownStrings } from '../support/values.js';
import { rangeOfMatch } from '../support/source-lines.js';

/** A sudoers rule that runs every command without asking for a password. */
const NOPASSWD_ALL = /\bNOPASSWD\s*:\s*(\w+\s*:\s*)*ALL\b/;

export const sudoNopasswd: Rule = {
  meta: {
    id: 'sudo-nopasswd',
    title: 'Passwordless sudo for every command',
    severity: 'high',
    category: 'sudo-nopasswd',
    languages: ['ansible'],
    description:
      'A sudoers rule grants `NOPASSWD: ALL`: the account can become root without knowing any password. Anyone who gets a shell as that account, through a leaked key or a compromised service, owns the host.',
    remediation:
      'Require the password, or limit passwordless sudo to the exact commands the account needs (`NOPASSWD: /usr/bin/systemctl restart myapp`). Service accounts used by automation should get narrowly scoped rules.',
    cwe: 'CWE-269',
  },
  check({ file, report }) {
    for (const assignment of assignments(file)) {
      for (const value of ownStrings(assignment.value)) {
        if (!NOPASSWD_ALL.test(value.value)) continue;
        report({ range: rangeOfMatch(file, value, NOPASSWD_ALL), message: `\`${assignment.name}\` grants passwordless sudo for all commands` });
      }
    }
    for (const unit of file.units) {
      if (unit.type !== 'sudoers') continue;
      const commands = unit.attributes.find((attribute) => attribute.name === 'commands');
      const nopassword = unit.attributes.find((attribute) => attribute.name === 'nopassword');
      const allCommands = commands && /^\s*ALL\s*$/.test(String(commands.value.value ?? commands.value.items?.[0]?.value ?? ''));
      if (allCommands && !(nopassword && isFalse(nopassword.value))) {
        report({ range: unit.typeRange, message: 'the sudoers rule allows all commands without a password (`nopassword` defaults to true)' });
      }
    }
  },
};
