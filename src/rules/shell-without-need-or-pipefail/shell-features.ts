/**
 * Whether a command line needs a shell at all: the `command` module splits it into words the
 * way `shlex` does and runs the program directly, so quoting works there but nothing else a
 * shell adds (pipes, redirections, lists, globs, expansions, builtins) does.
 */

/** Characters a shell gives a meaning to outside quotes. */
const SHELL_OUTSIDE_QUOTES = new Set([...'|&;<>()$`*?[]{}~#!\n']);
/** Characters a shell still expands inside double quotes. */
const SHELL_INSIDE_DOUBLE_QUOTES = new Set(['$', '`']);

/** Builtins and keywords that exist only inside a shell. */
const SHELL_ONLY_WORDS = new Set([
  '.',
  'alias',
  'builtin',
  'command',
  'declare',
  'exit',
  'hash',
  'let',
  'local',
  'popd',
  'pushd',
  'return',
  'case',
  'cd',
  'eval',
  'exec',
  'export',
  'for',
  'function',
  'if',
  'read',
  'select',
  'set',
  'shopt',
  'source',
  'trap',
  'type',
  'ulimit',
  'umask',
  'unset',
  'until',
  'wait',
  'while',
]);

/** Template expressions become a placeholder word: what they expand to is not known here. */
function withoutTemplates(text: string): string {
  return text.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g, 'T');
}

/** A shell character outside single quotes (and, in double quotes, an expansion). */
function hasShellCharacter(text: string): boolean {
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    if (quote === "'") {
      if (character === "'") quote = undefined;
    } else if (quote === '"') {
      if (character === '\\') index++;
      else if (character === '"') quote = undefined;
      else if (SHELL_INSIDE_DOUBLE_QUOTES.has(character)) return true;
    } else if (character === '\\') index++;
    else if (character === "'" || character === '"') quote = character;
    else if (SHELL_OUTSIDE_QUOTES.has(character)) return true;
  }
  return quote !== undefined;
}

/**
 * The command line runs the same under `command`: one program, no shell syntax, no builtin, no
 * leading `NAME=value`, and no template where the program is named (it may hold a whole
 * command line).
 */
export function needsNoShell(text: string): boolean {
  const plain = withoutTemplates(text).trim();
  if (plain === '' || hasShellCharacter(plain)) return false;
  if (/^\s*\{[{%]/.test(text)) return false;
  const first = plain.split(/\s+/)[0] as string;
  if (/^[A-Za-z_]\w*=/.test(first)) return false;
  return !SHELL_ONLY_WORDS.has(first);
}
