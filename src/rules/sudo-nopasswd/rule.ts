import type { Rule } from '../rule.js';
import { assignments } from '../support/assignments.js';
import { isTrue, ownStrings } from '../support/values.js';
import { SUDOERS_RESOURCES } from '../knowledge/sudoers.js';
import { rangeOfMatch } from '../support/source-lines.js';

/** A sudoers rule that runs every command without asking for a password. */
const NOPASSWD_ALL = /\bNOPASSWD\s*:\s*(\w+\s*:\s*)*ALL\b/;

export const sudoNopasswd: Rule = {
  meta: {
    id: 'sudo-nopasswd',
    title: 'Passwordless sudo for every command',
    severity: 'high',
    category: 'sudo-nopasswd',
    languages: ['ansible', 'puppet', 'chef'],
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
        report({ range: rangeOfMatch(file, value.range, NOPASSWD_ALL), message: `\`${assignment.name}\` grants passwordless sudo for all commands` });
      }
    }
    for (const unit of file.units) {
      const resource = SUDOERS_RESOURCES[file.language][unit.type];
      if (!resource) continue;
      const commands = unit.attributes.find((attribute) => attribute.name === resource.commands);
      const nopassword = unit.attributes.find((attribute) => attribute.name === resource.nopassword);
      const allCommands = commands !== undefined && [...ownStrings(commands.value)].some((item) => item.value.trim() === 'ALL');
      const passwordless = nopassword ? isTrue(nopassword.value) : resource.nopasswordByDefault;
      if (allCommands && passwordless) {
        report({ range: unit.typeRange, message: `the sudoers rule allows all commands without a password${nopassword ? '' : ` (\`${resource.nopassword}\` defaults to true)`}` });
      }
    }
  },
};
