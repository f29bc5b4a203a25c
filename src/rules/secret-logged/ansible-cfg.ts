/**
 * `ansible.cfg` settings that put task arguments, secrets among them, where they are kept:
 * `display_args_to_stdout` prints every task's arguments in its header, `log_path` keeps the
 * whole output in a file on the controller.
 */
import type { RuleContext } from '../rule.js';
import {
  checkSettings,
  settingsOf,
  type Setting,
  type Verdict,
} from '../support/config-settings.js';
import { literalText } from '../support/values.js';

/** What Ansible's configuration reads as true; `;` starts a comment after a value. */
const ANSIBLE_TRUE = /^(true|yes|on|y|t|1)(\s+;.*)?$/i;

function inDefaults(setting: Setting): boolean {
  return setting.section === undefined || setting.section === 'defaults';
}

/** `no_log = True` in `[defaults]`: every task's output is hidden, the log holds no secret. */
function hidesEverything(context: RuleContext): boolean {
  for (const setting of settingsOf(context, ['ansible-cfg']))
    if (
      setting.name.toLowerCase() === 'no_log' &&
      inDefaults(setting) &&
      ANSIBLE_TRUE.test(literalText(setting.value)?.trim() ?? '')
    )
      return true;
  return false;
}

export function checkAnsibleCfg(context: RuleContext): void {
  const hidden = hidesEverything(context);
  checkSettings(context, ['ansible-cfg'], (name, value, setting): Verdict | undefined => {
    if (!inDefaults(setting)) return undefined;
    const key = name.toLowerCase();
    if (key === 'display_args_to_stdout' && ANSIBLE_TRUE.test(value) && !hidden)
      return {
        problem:
          "Ansible prints every task's arguments in its header, passwords and tokens given to modules included, unless each such task sets `no_log: true`",
      };
    if (key === 'log_path' && value.trim() !== '' && !hidden)
      return {
        problem:
          'the whole output of every run is kept in this file on the controller: whatever a task without `no_log: true` prints of a secret stays there, readable by whoever can read the file',
        severity: 'low',
      };
    return undefined;
  });
}
