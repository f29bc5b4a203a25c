/**
 * The lines a command writes into a configuration file with `sed -i`: the replacement of each
 * `s` command, into each file the command edits.
 *
 *   sed -i 's/^PermitRootLogin no/PermitRootLogin yes/' /etc/ssh/sshd_config
 *
 * writes `PermitRootLogin yes` into `/etc/ssh/sshd_config`. A replacement that puts back part of
 * what it matched (`\1`, `&`) is not a line Posture can know, and nothing is concluded from it.
 */
import type { FileModel, SourceRange, Unit } from '../../model/model.js';
import { commandsIn, effectiveProgram } from './commands.js';

export interface SedEdit {
  /** the task or resource that runs the command */
  unit: Unit;
  /** the file edited, as the command names it */
  file: string;
  /** the line written: the replacement, unescaped */
  line: string;
  /** where the command is */
  range: SourceRange;
}

/** `-i`, `-i.bak`, `-ri`, `-Ei`, `--in-place`, `--in-place=.bak`: an edit in place. */
const IN_PLACE = /^(?:-[a-zA-Z]*i\S*|--in-place(?:=.*)?)$/;
/** Flags that take the next argument: a script (`-e`), a script file (`-f`), a line length. */
const WITH_ARGUMENT = new Set(['-e', '-f', '-l', '--expression', '--file', '--line-length']);

export function* sedEdits(file: FileModel): Generator<SedEdit> {
  for (const command of commandsIn(file)) {
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      if (name !== 'sed' || !args.some((arg) => IN_PLACE.test(arg))) continue;
      const { scripts, files } = operands(args);
      for (const script of scripts) {
        const line = replacementOf(script);
        if (line === undefined) continue;
        for (const edited of files)
          yield { unit: command.unit, file: edited, line, range: command.rangeOf(step) };
      }
    }
  }
}

/** The scripts (`-e` values, or the first operand) and the files of a `sed` command. */
function operands(args: readonly string[]): { scripts: string[]; files: string[] } {
  const scripts: string[] = [];
  const rest: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '-e' || arg === '--expression') scripts.push(args[++index] ?? '');
    else if (arg.startsWith('--expression=')) scripts.push(arg.slice('--expression='.length));
    else if (WITH_ARGUMENT.has(arg)) index++;
    else if (!arg.startsWith('-')) rest.push(arg);
  }
  if (scripts.length === 0 && rest.length > 0) scripts.push(rest.shift() as string);
  return { scripts, files: rest };
}

/**
 * The replacement of a script that is one `s` command (`s/re/new/`, any delimiter, with flags),
 * unescaped; undefined for other scripts and for replacements that use what was matched.
 */
function replacementOf(script: string): string | undefined {
  const trimmed = script.trim();
  const delimiter = trimmed[1];
  if (trimmed[0] !== 's' || !delimiter || /[\s\\\n]/.test(delimiter)) return undefined;
  const parts: string[] = [];
  let part = '';
  for (let index = 2; index < trimmed.length; index++) {
    const character = trimmed[index] as string;
    if (character === '\\' && index + 1 < trimmed.length) {
      part += character + (trimmed[++index] as string);
    } else if (character === delimiter) {
      parts.push(part);
      part = '';
    } else part += character;
  }
  if (parts.length !== 2 || !/^[gIiMmpe0-9]*$/.test(part)) return undefined;
  const replacement = parts[1] as string;
  if (/\\[0-9]|(?<!\\)&/.test(replacement)) return undefined;
  return replacement.replace(/\\(.)/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped));
}
