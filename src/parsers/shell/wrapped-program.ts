/**
 * The program a command really runs when it is written behind wrappers: `sudo -u app chmod …`,
 * `env LANG=C nohup curl …`, `timeout 30 wget …`, and `find … -exec chmod 777 {} \;`.
 */

/** Programs that run the command after their own options and settings. */
export const COMMAND_WRAPPERS: ReadonlySet<string> = new Set([
  'sudo',
  'doas',
  'env',
  'nohup',
  'exec',
  'time',
  'nice',
  'timeout',
  'su',
]);

/** Shells whose `-c` option runs the next argument as a script. */
export const SHELL = /^(?:ba|da|z|k|a|mk)?sh$/;

/** `find` actions that run a command on each file, up to `;` or `+`. */
const FIND_ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);

export const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * Where the program a chain of wrappers runs is named in `words` (the command's name first):
 * past the wrappers, their options, the values of short options (`sudo -u app`), settings
 * (`env LANG=C`) and numbers (`timeout 30`, `nice -n 10`). A wrapper with nothing after it is
 * the program itself.
 */
export function programIndex(words: readonly string[]): number {
  let index = 0;
  while (index < words.length && COMMAND_WRAPPERS.has(basename(words[index] as string))) {
    const wrapper = index;
    for (index += 1; index < words.length; index += 1) {
      const word = words[index] as string;
      if (word.startsWith('-') || /^[A-Za-z_]\w*=|^\d+[smhd]?$/.test(word)) continue;
      // The value of a short option (`-u app`), unless it is a program (`sudo -E sh`).
      const optionValue = /^-[A-Za-z]$/.test(words[index - 1] ?? '');
      if (!optionValue || isProgram(basename(word))) break;
    }
    if (index >= words.length) return wrapper;
  }
  return index;
}

function isProgram(name: string): boolean {
  return SHELL.test(name) || COMMAND_WRAPPERS.has(name);
}

/** The program a command runs and its arguments, wrappers and `find -exec` seen through. */
export function wrappedProgram(command: { name: string; args: readonly string[] }): {
  name: string;
  args: string[];
} {
  const words = [command.name, ...command.args];
  const at = programIndex(words);
  const name = basename(words[at] as string);
  const args = words.slice(at + 1);
  if (name !== 'find') return { name, args };
  const action = args.findIndex((arg) => FIND_ACTIONS.has(arg));
  if (action < 0 || action + 1 >= args.length) return { name, args };
  const end = args.findIndex((arg, at) => at > action && (arg === ';' || arg === '+'));
  const run = args.slice(action + 1, end < 0 ? undefined : end);
  return wrappedProgram({ name: run[0] as string, args: run.slice(1) });
}
