/**
 * The text a command writes into a file: the lines `sed -i` writes, and what a command prints
 * into a file through its output.
 *
 *   sed -i 's/^PermitRootLogin no/PermitRootLogin yes/' /etc/ssh/sshd_config
 *   echo 'PermitRootLogin yes' >> /etc/ssh/sshd_config
 *   printf 'PermitRootLogin yes\n' | sudo tee -a /etc/ssh/sshd_config
 *   cat > /etc/ssh/sshd_config.d/10-root.conf <<EOF ... EOF
 *
 * each write `PermitRootLogin yes` into the file. A `sed` replacement that puts back part of what
 * it matched (`\1`, `&`), and a `printf` format with conversions, are not text Posture can know,
 * and nothing is concluded from them.
 */
import type { FileModel, SourceRange, Unit } from '../../model/model.js';
import type { ShellCommand } from '../../parsers/shell/parse-shell.js';
import { commandsIn, effectiveProgram } from './commands.js';

/** `-i`, `-i.bak`, `-ri`, `-Ei`, `--in-place`, `--in-place=.bak`: an edit in place. */
const IN_PLACE = /^(?:-[a-zA-Z]*i\S*|--in-place(?:=.*)?)$/;
/** Flags that take the next argument: a script (`-e`), a script file (`-f`), a line length. */
const WITH_ARGUMENT = new Set(['-e', '-f', '-l', '--expression', '--file', '--line-length']);

export interface CommandWrite {
  /** the task or resource that runs the command */
  unit: Unit;
  /** the file written, as the command names it */
  file: string;
  /** the text written (a `sed` replacement, unescaped) */
  text: string;
  /** where the command is */
  range: SourceRange;
}

/** Every write of the file's commands: in-place `sed` edits, then output written to files. */
export function* commandWrites(file: FileModel): Generator<CommandWrite> {
  for (const command of commandsIn(file)) {
    const at = (step: ShellCommand) => ({ unit: command.unit, range: command.rangeOf(step) });
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      for (const edit of sedEdits(name, args)) yield { ...at(step), ...edit };
      const text = printed(name, args, step.heredoc);
      if (text !== undefined)
        for (const target of step.writes ?? []) yield { ...at(step), file: target, text };
      if (name === 'tee' && step.heredoc !== undefined)
        for (const target of teeFiles(args))
          yield { ...at(step), file: target, text: step.heredoc };
    }
    for (const [source, sink, ...more] of command.script.pipelines) {
      if (!source || !sink || more.length > 0) continue;
      const tee = effectiveProgram(sink);
      const { name, args } = effectiveProgram(source);
      const text = tee.name === 'tee' ? printed(name, args, source.heredoc) : undefined;
      if (text !== undefined)
        for (const target of teeFiles(tee.args)) yield { ...at(source), file: target, text };
    }
  }
}

/** What `echo`, `printf` (without conversions) or `cat` of a here-document prints. */
function printed(
  name: string,
  args: readonly string[],
  heredoc: string | undefined,
): string | undefined {
  if (name === 'cat') return args.length === 0 ? heredoc : undefined;
  if (name === 'printf') {
    const [format, ...rest] = args;
    if (format === undefined || rest.length > 0 || format.includes('%')) return undefined;
    return unescaped(format);
  }
  if (name !== 'echo') return undefined;
  const flags = args.findIndex((arg) => !/^-[neE]+$/.test(arg));
  const words = flags < 0 ? [] : args.slice(flags);
  const text = words.join(' ');
  return args.slice(0, flags < 0 ? args.length : flags).some((flag) => flag.includes('e'))
    ? unescaped(text)
    : text;
}

/** `\n` and `\t` as `printf` and `echo -e` print them. */
function unescaped(text: string): string {
  return text.replace(/\\([nt\\])/g, (_, escaped: string) =>
    escaped === 'n' ? '\n' : escaped === 't' ? '\t' : '\\',
  );
}

/** The files `tee` writes: its operands. */
function teeFiles(args: readonly string[]): string[] {
  return args.filter((arg) => !arg.startsWith('-'));
}

/** The lines an in-place `sed` writes: each `s` command's replacement, into each file it edits. */
function* sedEdits(
  name: string,
  args: readonly string[],
): Generator<{ file: string; text: string }> {
  if (name !== 'sed' || !args.some((arg) => IN_PLACE.test(arg))) return;
  const { scripts, files } = operands(args);
  for (const script of scripts) {
    const text = replacementOf(script);
    if (text !== undefined) for (const file of files) yield { file, text };
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
