/**
 * A command written as plain words on one line (`systemctl daemon-reload`,
 * `{{ bin_dir }}/kubeadm init --config=/etc/kubernetes/kubeadm.yaml`), read without the grammar.
 * About half of the commands in playbooks and manifests are written so, and of them the shell
 * grammar can say only one thing: a command named by the first word, whose arguments are the
 * others. Reading them directly spares a parse in WebAssembly and the walk of its tree for each;
 * anything else (quotes, expansions, operators, brackets, comments, several lines, a keyword, an
 * assignment) goes to the grammar.
 */
import type { ShellScript } from './shell-script.js';

/**
 * Words of characters the grammar reads as part of a plain word, and only as such, separated by
 * blanks on one line. The first word holds no `=` (an assignment) and does not start with `-`;
 * no other word starts with `=` (`==` compares). `@` and `%`, which the grammar reads otherwise
 * after some words, are left to it.
 */
const PLAIN_WORDS = /^[ \t]*[\w./,:][\w./,:-]*(?:[ \t]+[\w./,:+-][\w./,:=+-]*)*[ \t]*$/;
const WORD = /[^ \t]+/g;

/**
 * Words the grammar reads as something other than a command's name when they come first: the
 * shell's reserved words and the commands it has rules of its own for.
 */
const NOT_A_COMMAND_NAME = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'select',
  'while',
  'until',
  'do',
  'done',
  'in',
  'function',
  'declare',
  'typeset',
  'export',
  'readonly',
  'local',
  'unset',
  'unsetenv',
]);

/**
 * The script as the grammar would read it, when it is one command of plain words; `masked` is
 * the script with its template expressions replaced by placeholders of the same length, and the
 * words are taken from `script` at the same offsets.
 */
export function plainCommand(masked: string, script: string): ShellScript | undefined {
  if (!PLAIN_WORDS.test(masked)) return undefined;
  const words = [...masked.matchAll(WORD)];
  const [first] = words;
  const last = words[words.length - 1];
  if (first === undefined || last === undefined || NOT_A_COMMAND_NAME.has(first[0]))
    return undefined;
  const text = (word: RegExpMatchArray) =>
    script.slice(word.index, (word.index ?? 0) + word[0].length);
  return {
    commands: [
      {
        name: text(first),
        args: words.slice(1).map(text),
        start: first.index ?? 0,
        end: (last.index ?? 0) + last[0].length,
      },
    ],
    pipelines: [],
  };
}
