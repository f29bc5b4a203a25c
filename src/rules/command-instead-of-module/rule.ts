import type { Rule } from '../rule.js';
import { commandsIn, effectiveProgram } from '../support/commands.js';
import { MODULE_FOR } from './modules.js';
import { waivedByNoqa } from '../support/lint-waivers.js';

/**
 * Only a task that runs one command: a script that goes on to other steps is doing something a
 * single module would not replace.
 */
export const commandInsteadOfModule: Rule = {
  meta: {
    id: 'command-instead-of-module',
    title: 'Shell command doing what a module does',
    severity: 'low',
    category: 'shell-hygiene',
    languages: ['ansible'],
    description:
      'A `command` or `shell` task runs a program that an Ansible module replaces: a package install, a service restart, a user, a mode or owner change, a download, a clone, an in-place `sed`, an `echo >> file`. The command runs on every play whether or not anything needs changing, reports a change each time (or hides one), and leaves a reviewer to read command-line flags instead of a declared state; a download with `curl` or `wget` also skips the checksum `get_url` can verify.',
    remediation:
      'Use the module the finding names (`ansible.builtin.apt`, `service`, `user`, `file`, `get_url` with `checksum`, `git` with a pinned `version`, `lineinfile`) so the task declares the state it wants and changes the host only when it differs.',
    cwe: 'CWE-1164',
    catalog: ['PRIV-11'],
    optIn: true,
  },
  check(context) {
    if (context.file.language !== 'ansible') return;
    for (const command of commandsIn(context.file)) {
      const { unit, script } = command;
      if (unit.type !== 'command' && unit.type !== 'shell') continue;
      if (script.commands.length !== 1) continue;
      const only = script.commands[0];
      if (!only) continue;
      const program = effectiveProgram(only);
      const module = MODULE_FOR[program.name]?.(program.args, command.text);
      if (!module || waivedByNoqa(context.file, unit, ['command-instead-of-module'])) continue;
      context.report({
        range: command.rangeOf(only),
        message: `\`${program.name}\` in a \`${unit.type}\` task does what ${module} does: the module is idempotent, reports changes truthfully and declares the state a reviewer can read`,
      });
    }
  },
};
