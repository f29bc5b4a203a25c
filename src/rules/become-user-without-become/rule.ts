import type { Rule, RuleContext } from '../rule.js';
import { isFalse, isTrue } from '../support/values.js';
import { keywordOf } from '../support/units.js';
import { scopesAround } from '../../model/scopes.js';
import { meta } from './meta.js';

/**
 * `become_user` only chooses whom to become; without `become: true` at the task, a block around
 * it or its play, Ansible ignores it and the task runs as the connecting user. In a file of
 * tasks with no play around them (a role, an included file), the play that runs them may turn
 * `become` on, so only an explicit `become: false` is reported there.
 */
function check(context: RuleContext): void {
  const { file } = context;
  if (file.language !== 'ansible') return;
  for (const unit of file.units) {
    const user = keywordOf(unit, 'become_user');
    if (!user || user.value.kind === 'null') continue;
    // The unit, then the blocks around it from the innermost out, then its play.
    const scopes = [unit, ...[...scopesAround(file, unit)].reverse()];
    const setting = scopes.map((scope) => keywordOf(scope, 'become')).find(Boolean);
    const inPlay = scopes.some((scope) => scope.kind === 'play');
    const who = `\`become_user: ${user.value.text}\``;
    if (setting && isFalse(setting.value)) {
      context.report({
        range: user.range,
        message: `${who} has no effect: \`become\` is false here, so the ${unit.kind} runs as the connecting user instead`,
      });
      continue;
    }
    if (setting || !inPlay || becomesByInventory(context)) continue;
    context.report({
      range: user.range,
      message: `${who} has no effect without \`become: true\` on the ${unit.kind}, a block around it or the play: the ${unit.kind} runs as the connecting user instead`,
    });
  }
}

/** `ansible_become: true` in the inventory or group vars turns escalation on for every play. */
function becomesByInventory(context: RuleContext): boolean {
  return context
    .resolve('ansible_become')
    .some((definition) => isTrue(definition.value) || definition.value.dynamic);
}

export const becomeUserWithoutBecome: Rule = {
  meta,
  check,
};
