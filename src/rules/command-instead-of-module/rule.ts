import type { Rule } from '../rule.js';
import { commandsIn, effectiveProgram } from '../support/commands.js';
import { MODULE_FOR } from './modules.js';
import { waivedByNoqa } from '../support/lint-waivers.js';
import { meta } from './meta.js';

/**
 * Only a task that runs one command: a script that goes on to other steps is doing something a
 * single module would not replace.
 */
export const commandInsteadOfModule: Rule = {
  meta,
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
