import type { Rule, RuleContext } from '../rule.js';
import type { ShellCommand } from '../../parsers/shell/parse-shell.js';
import {
  commandsIn,
  effectiveProgram,
  wgetWritesToStdout,
  type CommandText,
} from '../support/commands.js';
import { boundCommandsIn, reportBinding, usePhrase } from '../support/bindings.js';
import { DOWNLOADERS, SHELL_INTERPRETERS } from '../knowledge/commands.js';
import { meta } from './meta.js';

function downloadsToStdout(command: ShellCommand): boolean {
  const { name, args } = effectiveProgram(command);
  if (name === 'curl')
    return !args.some(
      (arg) => arg === '-o' || arg === '-O' || arg === '--output' || arg === '--remote-name',
    );
  if (name === 'wget') return wgetWritesToStdout(args);
  return DOWNLOADERS.has(name);
}

function runsScript(command: ShellCommand): boolean {
  const { name } = effectiveProgram(command);
  return SHELL_INTERPRETERS.has(name) || name === 'source' || name === '.';
}

/** `bash <(curl ...)`, `sh -c "$(curl ...)"`: the download is the script. */
const SUBSTITUTED_DOWNLOAD = /(<\(|\$\(|`)\s*(sudo\s+)?(curl|wget)\b/;

/** Longer pipelines are quoted up to here. */
const QUOTED_LENGTH = 80;

/** The step that downloads a script and runs it, and the text that does it. */
function downloadRun(command: CommandText): { step: ShellCommand; text: string } | undefined {
  const pipeline = command.script.pipelines.find((steps) =>
    steps.some((step, index) => downloadsToStdout(step) && steps.slice(index + 1).some(runsScript)),
  );
  const first = pipeline?.[0];
  const last = pipeline?.at(-1);
  if (first && last) return { step: first, text: command.text.slice(first.start, last.end) };
  const substituted = command.script.commands.find(
    (step) =>
      runsScript(step) && SUBSTITUTED_DOWNLOAD.test(command.text.slice(step.start, step.end)),
  );
  return substituted
    ? { step: substituted, text: command.text.slice(substituted.start, substituted.end) }
    : undefined;
}

function quoted(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `\`${oneLine.length > QUOTED_LENGTH ? `${oneLine.slice(0, QUOTED_LENGTH)}…` : oneLine}\``;
}

function check(context: RuleContext): void {
  for (const command of commandsIn(context.file)) {
    const found = downloadRun(command);
    if (found)
      context.report({
        range: command.rangeOf(found.step),
        message: `${quoted(found.text)} runs a downloaded script without verifying it`,
      });
  }
  for (const command of boundCommandsIn(context)) {
    const found = downloadRun(command);
    if (!found || (command.written && downloadRun(command.written))) continue;
    const whole = command.binding.taken.includes(found.text.trim());
    const problem = whole
      ? 'runs a downloaded script without verifying it'
      : `gives ${quoted(found.text)}, which runs a downloaded script without verifying it`;
    reportBinding(
      context,
      command.binding,
      { range: command.range, as: usePhrase(context.file, command.unit, command.attribute) },
      problem,
    );
  }
}

export const pipeToShell: Rule = {
  meta,
  check,
};
