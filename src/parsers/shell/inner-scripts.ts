/**
 * Scripts a command hands to another shell: `sh -c 'curl … | sh'`, `sudo bash -ec "…"`,
 * `su - app -c "…"`, and an argv list such as Puppet's `['/bin/sh', '-c', '…']`. The shell runs
 * the script as if it were written in place, so its commands and pipelines are read as part of
 * the command that holds it, at that command's place in the text.
 */
import type { ShellCommand, ShellScript } from './shell-script.js';
import { basename, programIndex, SHELL } from './wrapped-program.js';

/** A cluster of a shell's one-letter options that holds `c`: `-c`, `-ec`, `-xec`, `-lc`. */
const RUNS_NEXT_ARGUMENT = /^-[A-Za-z]*c[A-Za-z]*$/;
/** Shell options that take a value: `bash -o pipefail -c …`. */
const TAKES_A_VALUE = new Set(['-o', '+o', '-O', '+O']);

/** Scripts inside scripts inside scripts: past this depth, the innermost are not read. */
const MAX_DEPTH = 8;

/** The script a command gives a shell to run, if it does. */
export function innerScriptOf(command: ShellCommand): string | undefined {
  const words = [command.name, ...command.args];
  let index = programIndex(words);
  const su = words.findIndex((word, at) => at <= index && basename(word) === 'su');
  if (su >= 0) {
    const option = words.findIndex(
      (word, at) => at > su && (word === '-c' || word === '--command'),
    );
    return option < 0 ? undefined : words[option + 1];
  }
  const program = basename(words[index] ?? '');
  if (!SHELL.test(program)) return undefined;
  for (index += 1; index < words.length; index += 1) {
    const word = words[index] as string;
    if (RUNS_NEXT_ARGUMENT.test(word)) return words[index + 1];
    if (TAKES_A_VALUE.has(word)) index += 1;
    else if (!word.startsWith('-') && !word.startsWith('+')) return undefined;
  }
  return undefined;
}

/**
 * The script read with the scripts its commands hand to a shell, each read by `parse` (which
 * may decline one it cannot read) and placed at the command that runs it.
 */
export function withInnerScripts(
  read: ShellScript,
  parse: (script: string) => ShellScript | undefined,
  depth = 0,
): ShellScript {
  if (depth >= MAX_DEPTH) return read;
  let combined: ShellScript | undefined;
  for (const command of read.commands) {
    const script = innerScriptOf(command);
    // A command substitution in the script is read in the command already, and in double
    // quotes the outer shell runs it: the inner shell gets its output, not its text.
    if (script === undefined || script.trim() === '' || /\$\(|`/.test(script)) continue;
    const inner = parse(script);
    if (!inner) continue;
    const nested = withInnerScripts(inner, parse, depth + 1);
    const placed = (step: ShellCommand): ShellCommand => ({
      ...step,
      start: command.start,
      end: command.end,
    });
    combined ??= { commands: [...read.commands], pipelines: [...read.pipelines] };
    combined.commands.push(...nested.commands.map(placed));
    combined.pipelines.push(...nested.pipelines.map((pipeline) => pipeline.map(placed)));
  }
  return combined ?? read;
}
