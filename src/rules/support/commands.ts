/**
 * Shell commands inside tasks and resources, parsed with the shell grammar.
 */
import type {
  Attribute,
  FileModel,
  Language,
  SourceRange,
  Unit,
  Value,
} from '../../model/model.js';
import {
  parseShell,
  readsWithGrammar,
  type ShellCommand,
  type ShellScript,
} from '../../parsers/shell/parse-shell.js';
import { referencesIn } from '../../languages/references.js';
import { COMMAND_ATTRIBUTES, COMMAND_FROM_TITLE } from '../knowledge/commands.js';
import { basename, wrappedProgram } from '../../parsers/shell/wrapped-program.js';

export interface CommandText {
  unit: Unit;
  text: string;
  /** where the command text sits */
  range: SourceRange;
  script: ShellScript;
  /** the source line of one step of the script (a command inside a multi-line heredoc or block) */
  rangeOf(step: { start: number; end: number }): SourceRange;
}

/** The command text of a value: a string, or the words of an argv list. */
export function commandTextOf(value: Value): string | undefined {
  if (value.kind === 'string' && typeof value.value === 'string') return value.value;
  if (value.kind === 'list') {
    const words = (value.items ?? []).map((item) =>
      typeof item.value === 'string' ? item.value : item.text,
    );
    return words
      .map((word) => (/\s/.test(word) ? `'${word.replace(/'/g, "'\\''")}'` : word))
      .join(' ');
  }
  return undefined;
}

/** Whether an attribute of a unit holds shell text (`_raw_params` of `shell`, `command` of `exec`). */
export function isCommandAttribute(file: FileModel, unit: Unit, name: string): boolean {
  return commandAttributes(file, unit).includes(name);
}

/** The attributes of a unit that hold shell text. */
export function commandAttributes(file: FileModel, unit: Unit): readonly string[] {
  const names = COMMAND_ATTRIBUTES[file.language]?.[unit.type] ?? [];
  const title = COMMAND_FROM_TITLE[file.language]?.[unit.type];
  if (!title) return names;
  // Rules ask once per argument: the answer is kept per unit, so that a resource with thousands
  // of attributes does not cost the square of them.
  let found = fromTitleByUnit.get(unit);
  if (!found) {
    const hasCommand = unit.attributes.some((attribute) => attribute.name === names[0]);
    found = hasCommand ? names : [...names, title];
    fromTitleByUnit.set(unit, found);
  }
  return found;
}

const fromTitleByUnit = new WeakMap<Unit, readonly string[]>();

/** Each attribute of the file's units that holds shell text, with its unit. */
export function* commandAttributesIn(
  file: FileModel,
): Generator<{ unit: Unit; attribute: Attribute }> {
  for (const unit of file.units) {
    const names = commandAttributes(file, unit);
    if (names.length === 0) continue;
    for (const attribute of unit.attributes)
      if (names.includes(attribute.name)) yield { unit, attribute };
  }
}

/**
 * Whether a file's text names a task or resource type that runs commands (`shell`, `exec`,
 * `execute`): before the file is parsed, a hint that its rules will read commands, which
 * `readsShellWithGrammar` settles once it is.
 */
export function mayNameCommandUnits(content: string, language: Language): boolean {
  const types = COMMAND_ATTRIBUTES[language];
  return types !== undefined && Object.keys(types).some((type) => content.includes(type));
}

/**
 * Whether the rules can read a command of the file with the shell grammar: a command that is
 * not plain words (`parseShell`), one whose text reads a variable (bound to a definition, it can
 * become anything), or the resources the file declares from another file's hash, whose
 * commands are known only as the rules read them. The only commands rules read are those of
 * `commandsIn` and of bound commands, both from the attributes `commandAttributes` names.
 */
export function readsShellWithGrammar(file: FileModel): boolean {
  if ((file.hashDeclarations?.length ?? 0) > 0) return true;
  for (const { attribute } of commandAttributesIn(file)) {
    if (referencesIn(attribute.value, file.language).length > 0) return true;
    const text = commandTextOf(attribute.value);
    if (text && readsWithGrammar(text)) return true;
  }
  return false;
}

/** The commands of each file, read once for the rules that look at commands. */
const commandsByFile = new WeakMap<FileModel, readonly CommandText[]>();

/** The shell commands a file's tasks and resources run, each parsed. */
export function commandsIn(file: FileModel): readonly CommandText[] {
  let commands = commandsByFile.get(file);
  if (!commands) {
    commands = [...readCommands(file)];
    commandsByFile.set(file, commands);
  }
  return commands;
}

function* readCommands(file: FileModel): Generator<CommandText> {
  for (const { unit, attribute } of commandAttributesIn(file)) {
    const text = commandTextOf(attribute.value);
    if (!text) continue;
    const range = attribute.value.range;
    yield {
      unit,
      text,
      range,
      script: parseShell(text),
      rangeOf: (step) => lineOfStep(file, range, text, step),
    };
  }
}

/**
 * The source line a step of a multi-line script sits on: its first line of text, looked up
 * in the lines the script spans. One-line scripts keep the whole value's range.
 */
function lineOfStep(
  file: FileModel,
  range: SourceRange,
  text: string,
  step: { start: number; end: number },
): SourceRange {
  if (range.line === range.endLine) return range;
  const firstLine = text.slice(step.start, step.end).split('\n')[0]?.trim();
  if (!firstLine) return range;
  for (let line = range.line; line <= range.endLine; line++) {
    const column = (file.lines[line - 1] ?? '').indexOf(firstLine);
    if (column >= 0)
      return { line, column: column + 1, endLine: line, endColumn: column + 1 + firstLine.length };
  }
  return range;
}

/**
 * `sudo -u app bash -s` → `bash`, `find . -exec chmod 777 {} ;` → `chmod`: the program a command
 * ends up running.
 */
export const effectiveProgram: (command: ShellCommand) => { name: string; args: string[] } =
  wrappedProgram;

/** A `chmod` in a command: its mode as a value the mode readers take, and the paths it changes. */
export interface ChmodStep {
  mode: Value;
  targets: string[];
  /** the line of the `chmod` */
  range: SourceRange;
}

/** Every `chmod` with a mode in the file's commands, wrappers (`sudo chmod`) seen through. */
export function* chmodsIn(file: FileModel): Generator<ChmodStep> {
  for (const command of commandsIn(file)) {
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      if (name !== 'chmod') continue;
      const [modeText, ...targets] = args.filter((arg) => !arg.startsWith('-'));
      if (!modeText) continue;
      yield {
        mode: {
          kind: 'string',
          value: modeText,
          text: modeText,
          dynamic: false,
          range: command.range,
        },
        targets,
        range: command.rangeOf(step),
      };
    }
  }
}

export { basename };

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
