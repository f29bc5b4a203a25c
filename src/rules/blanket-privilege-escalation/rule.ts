import type { Rule, RuleContext } from '../rule.js';
import type { Unit } from '../../model/model.js';
import { isTrue, literalText } from '../support/values.js';
import { keywordOf } from '../support/units.js';
import { encloses } from '../../model/ranges.js';
import { checkSettings, type Setting, type Verdict } from '../support/config-settings.js';
import { meta } from './meta.js';

/**
 * A play this small is one job, and `become` on it is as precise as on its tasks; from this many
 * tasks and roles on, escalation on the play covers steps that did not ask for it.
 */
const BLANKET_FROM = 3;

/** What Ansible's configuration reads as true; `;` starts a comment after a value. */
const ANSIBLE_TRUE = /^(true|yes|on|y|t|1)(\s+;.*)?$/i;

/**
 * `become_user` naming an account other than root drops to a service account rather than
 * escalating to root; a templated one may be either, so it is not judged.
 */
function becomesRoot(play: Unit): boolean {
  const user = keywordOf(play, 'become_user');
  if (!user) return true;
  const name = literalText(user.value);
  return name === 'root';
}

function checkPlays(context: RuleContext): void {
  const { file } = context;
  for (const play of file.units) {
    if (play.kind !== 'play' || play.type !== 'play') continue;
    const become = keywordOf(play, 'become');
    if (!become || !isTrue(become.value) || !becomesRoot(play)) continue;
    const tasks = file.units.filter(
      (unit) => unit.kind === 'task' && encloses(play.range, unit.range),
    ).length;
    const roles = play.roles?.length ?? 0;
    if (tasks + roles < BLANKET_FROM) continue;
    const what = [
      tasks > 0 ? `${tasks} task${tasks === 1 ? '' : 's'}` : '',
      roles > 0 ? `${roles} role${roles === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    context.report({
      range: become.range,
      message: `\`become: ${become.value.text}\` on the play runs all its ${what} as root, including steps that need no privilege: set \`become\` on the tasks (or blocks, roles) that need it`,
    });
  }
}

/** `become = True` in the `[privilege_escalation]` section of `ansible.cfg`. */
function ansibleSetting(name: string, value: string, setting: Setting): Verdict | undefined {
  if (name.toLowerCase() !== 'become' || setting.section !== 'privilege_escalation')
    return undefined;
  if (!ANSIBLE_TRUE.test(value)) return undefined;
  return {
    problem:
      'every task of every play run with this configuration runs as root, including steps that need no privilege; set `become` on the plays, blocks or tasks that need it',
  };
}

export const blanketPrivilegeEscalation: Rule = {
  meta,
  check(context) {
    if (context.file.language !== 'ansible') return;
    checkPlays(context);
    checkSettings(context, ['ansible-cfg'], ansibleSetting);
  },
};
