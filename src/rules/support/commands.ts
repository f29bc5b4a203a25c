/**
 * Shell commands inside tasks and resources, parsed with the shell grammar.
 */
import type { FileModel, SourceRange, Unit, Value } from '../../engine/model.js';
import { parseShell, type ShellCommand, type ShellScript } from '../../parsers/shell/parse-shell.js';
import { COMMAND_ATTRIBUTES, COMMAND_WRAPPERS } from '../knowledge/commands.js';

export interface CommandText {
  unit: Unit;
  text: string;
  /** where the command text sits */
  range: SourceRange;
  script: ShellScript;
}

function textOf(value: Value): string | undefined {
  if (value.kind === 'string' && typeof value.value === 'string') return value.value;
  if (value.kind === 'list') {
    const words = (value.items ?? []).map((item) => (typeof item.value === 'string' ? item.value : item.text));
    return words.map((word) => (/\s/.test(word) ? `'${word.replace(/'/g, "'\\''")}'` : word)).join(' ');
  }
  return undefined;
}

/** Whether an attribute of a unit holds shell text (`_raw_params` of `shell`, `command` of `exec`). */
export function isCommandAttribute(file: FileModel, unit: Unit, name: string): boolean {
  return COMMAND_ATTRIBUTES[file.language][unit.type]?.includes(name) ?? false;
}

export function* commandsIn(file: FileModel): Generator<CommandText> {
  const table = COMMAND_ATTRIBUTES[file.language];
  for (const unit of file.units) {
    const attributeNames = table[unit.type];
    if (!attributeNames) continue;
    for (const attribute of unit.attributes) {
      if (!attributeNames.includes(attribute.name)) continue;
      const text = textOf(attribute.value);
      if (!text) continue;
      yield { unit, text, range: attribute.value.range, script: parseShell(text) };
    }
  }
}

/** `sudo -E bash -s` → `bash`: the program a wrapper ends up running. */
export function effectiveProgram(command: ShellCommand): { name: string; args: string[] } {
  let name = basename(command.name);
  let args = command.args;
  while (COMMAND_WRAPPERS.has(name)) {
    const next = args.findIndex((arg) => !arg.startsWith('-') && !/^[A-Za-z_]\w*=/.test(arg));
    if (next < 0) break;
    name = basename(args[next] as string);
    args = args.slice(next + 1);
  }
  return { name, args };
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A short flag given alone or grouped (`-k`, `-fsSLk`) or its long form. */
export function hasFlag(args: readonly string[], short: string | undefined, long: string): boolean {
  return args.some(
    (arg) =>
      arg === long ||
      arg.startsWith(`${long}=`) ||
      (short !== undefined && /^-[A-Za-z]+$/.test(arg) && arg.slice(1).includes(short)),
  );
}

/** `wget -O - URL`, `wget -qO- URL`: the download goes to standard output. */
export function wgetWritesToStdout(args: readonly string[]): boolean {
  return args.some(
    (arg, index) =>
      ((arg === '-O' || arg === '--output-document') && args[index + 1] === '-') ||
      /^-[a-zA-Z]*O-$/.test(arg) ||
      arg === '--output-document=-',
  );
}
