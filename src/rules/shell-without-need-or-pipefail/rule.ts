import type { Rule, RuleContext } from '../rule.js';
import type { Unit } from '../../model/model.js';
import { basename, commandsIn, type CommandText } from '../support/commands.js';
import type { ShellCommand } from '../../parsers/shell/parse-shell.js';
import { isFalse, isTrue, literalText } from '../support/values.js';
import { needsNoShell } from './shell-features.js';
import { waivedByNoqa } from '../support/lint-waivers.js';
import { attributeOf, keywordOf } from '../support/units.js';
import { meta } from './meta.js';

/** Shells whose `set -o pipefail` makes a pipeline fail when any of its commands fails. */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ksh', 'ksh93', 'mksh']);
/** Shells a `shell` task may name that read the text as POSIX shell. */
const POSIX_SHELLS = new Set([...PIPEFAIL_SHELLS, 'sh', 'dash', 'ash', 'busybox']);
/** Commands that print their arguments and cannot fail in a way worth reporting. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true']);

/** The shell the task names with `executable`, or undefined for the default `/bin/sh`. */
function executableOf(unit: Unit): string | null | undefined {
  const executable = attributeOf(unit, 'executable');
  if (!executable) return undefined;
  const text = literalText(executable.value);
  return text === undefined || executable.value.dynamic ? null : basename(text.trim());
}

/** The task does not fail on a bad exit status anyway: pipefail would change nothing. */
function ignoresFailure(unit: Unit): boolean {
  const ignore = keywordOf(unit, 'ignore_errors');
  const failedWhen = keywordOf(unit, 'failed_when');
  return (
    (ignore !== undefined && isTrue(ignore.value)) ||
    (failedWhen !== undefined && isFalse(failedWhen.value))
  );
}

/** `set -o pipefail`, `set -euo pipefail` before the given offset. */
function setsPipefailBefore(commands: readonly ShellCommand[], offset: number): boolean {
  return commands.some(
    (command) =>
      command.name === 'set' && command.start < offset && command.args.includes('pipefail'),
  );
}

function checkNeed(
  context: RuleContext,
  command: CommandText,
  executable: string | undefined,
): void {
  if (executable !== undefined && !POSIX_SHELLS.has(executable)) return;
  if (!needsNoShell(command.text)) return;
  if (waivedByNoqa(context.file, command.unit, ['command-instead-of-shell'])) return;
  context.report({
    range: command.unit.typeRange,
    message:
      '`shell` runs a command line that uses no shell feature (no pipe, redirection, list, glob or expansion): the `command` module runs it without a shell, so nothing in it can be read as shell syntax',
  });
}

function checkPipelines(
  context: RuleContext,
  command: CommandText,
  executable: string | undefined,
): void {
  if (executable !== undefined && !PIPEFAIL_SHELLS.has(executable)) return;
  if (ignoresFailure(command.unit)) return;
  if (waivedByNoqa(context.file, command.unit, ['risky-shell-pipe'])) return;
  const { script } = command;
  for (const pipeline of script.pipelines) {
    const first = pipeline[0] as ShellCommand;
    const last = pipeline.at(-1) as ShellCommand;
    if (pipeline.slice(0, -1).every((step) => CANNOT_FAIL.has(basename(step.name)))) continue;
    if (setsPipefailBefore(script.commands, first.start)) continue;
    context.report({
      range: command.rangeOf({ start: first.start, end: last.end }),
      message: `the pipeline \`${basename(first.name)} | … | ${basename(last.name)}\` reports only the exit status of its last command: when \`${basename(first.name)}\` fails the task still succeeds; start the script with \`set -o pipefail\`${executable === undefined ? ' and set `executable: /bin/bash`' : ''}`,
    });
    return;
  }
}

export const shellWithoutNeedOrPipefail: Rule = {
  meta,
  check(context) {
    if (context.file.language !== 'ansible') return;
    for (const command of commandsIn(context.file)) {
      if (command.unit.type !== 'shell') continue;
      const executable = executableOf(command.unit);
      if (executable === null) continue;
      checkNeed(context, command, executable);
      checkPipelines(context, command, executable);
    }
  },
};
