/**
 * Shell commands (Ansible `command`/`shell`, Puppet `exec`, Chef `execute`/`bash`) read with a
 * real shell grammar: tree-sitter-bash, compiled to WebAssembly, so no native build is needed.
 */
import type { Node, Parser, Tree, TreeCursor } from 'web-tree-sitter';
import { UnanalysableError } from '../../model/file-error.js';
import { grammarParser } from '../wasm/grammar-parser.js';
import { plainCommand } from './plain-command.js';
import { withInnerScripts } from './inner-scripts.js';
import type { ShellCommand, ShellScript } from './shell-script.js';

export type { ShellCommand, ShellScript } from './shell-script.js';

/**
 * Brackets (`$(...)`, `(...)`, `{...}`, `[...]`) inside one another. Each command of a nested
 * substitution holds the text of every command inside it, so reading one costs the square of
 * its depth; real commands nest a handful of levels.
 */
export const MAX_SHELL_NESTING = 100;

/**
 * A command nested too deeply to read. Thrown while a rule reads the command, so it carries the
 * command's text, and the engine locates it in the file.
 */
export class ShellNestingError extends UnanalysableError {
  constructor(readonly script: string) {
    super(
      'too-deep',
      `shell: a command nested deeper than ${MAX_SHELL_NESTING} levels of brackets is not analysed`,
    );
  }
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the grammar once per process; every later call is free. The engine loads it only for a
 * run whose files run commands (`src/engine/analyze.ts`, `analyze-file.ts`): loading it, and
 * compiling its lexer on the first parse, costs more than the rest of a scan of one small
 * playbook.
 */
export function initShellParser(): Promise<void> {
  loading ??= (async () => {
    parser = await grammarParser('tree-sitter-bash/tree-sitter-bash.wasm');
  })();
  return loading;
}

/** Whether the grammar has loaded, so that `parseShell` reads any script. */
export function shellGrammarLoaded(): boolean {
  return parser !== undefined;
}

/**
 * Template expressions (`{{ x }}`, `{% ... %}`) and Ruby's interpolations (`#{node['url']}`,
 * which the shell would otherwise read as the start of a comment) become same-length
 * placeholders so offsets hold.
 */
function maskTemplates(script: string): string {
  return script.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|#\{(?:[^{}]|\{[^{}]*\})*\}/g, (match) =>
    'T'.repeat(match.length),
  );
}

const cache = new Map<string, ShellScript>();
const CACHE_LIMIT = 2_000;

/**
 * The commands and pipelines of a script. A plain command, and one nested too deeply (refused),
 * need no grammar; any other script needs `initShellParser()` to have finished.
 */
export function parseShell(script: string): ShellScript {
  const cached = cache.get(script);
  if (cached) return cached;
  if (bracketDepth(script) > MAX_SHELL_NESTING) throw new ShellNestingError(script);
  const masked = maskTemplates(script);
  const outer = plainCommand(masked, script) ?? readWithGrammar(loadedParser(), masked, script);
  const result = withInnerScripts(outer, readInnerScript);
  remember(script, result);
  return result;
}

/**
 * A script a command hands to a shell (`sh -c '…'`), read as `parseShell` reads one; left unread
 * when it nests too deeply, or needs the grammar before it has loaded (the command holding it
 * was plain words, so the script is one word).
 */
function readInnerScript(script: string): ShellScript | undefined {
  if (bracketDepth(script) > MAX_SHELL_NESTING) return undefined;
  const masked = maskTemplates(script);
  return plainCommand(masked, script) ?? (parser && readWithGrammar(parser, masked, script));
}

/**
 * Whether `parseShell` reads the script with the grammar: not a plain command, nor one it refuses.
 * A plain command is remembered as read, so that `parseShell` does not read it again.
 */
export function readsWithGrammar(script: string): boolean {
  if (cache.has(script) || bracketDepth(script) > MAX_SHELL_NESTING) return false;
  const plain = plainCommand(maskTemplates(script), script);
  if (!plain) return true;
  remember(script, withInnerScripts(plain, readInnerScript));
  return false;
}

function remember(script: string, read: ShellScript): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(script, read);
}

function loadedParser(): Parser {
  if (!parser) throw new Error('shell parser not initialised: call initShellParser() first');
  return parser;
}

/** The script as the grammar reads it, whatever its form; `parseShell` reads plain commands itself. */
export function parseShellWithGrammar(script: string): ShellScript {
  return withInnerScripts(
    readWithGrammar(loadedParser(), maskTemplates(script), script),
    readInnerScript,
  );
}

function readWithGrammar(grammar: Parser, masked: string, script: string): ShellScript {
  const tree = grammar.parse(masked);
  const result: ShellScript = { commands: [], pipelines: [] };
  if (tree) {
    try {
      collect(tree, script, result);
    } finally {
      tree.delete();
    }
  }
  return result;
}

/** The deepest bracket nesting in the text, quotes or not: a cheap upper bound of the command's nesting. */
function bracketDepth(script: string): number {
  let depth = 0;
  let deepest = 0;
  // Indexed, not `for...of`: brackets are single code units, and a string iterator costs more.
  for (let index = 0; index < script.length; index++) {
    const character = script[index];
    if (character === '(' || character === '{' || character === '[')
      deepest = Math.max(deepest, ++depth);
    else if ((character === ')' || character === '}' || character === ']') && depth > 0) depth -= 1;
  }
  return deepest;
}

/**
 * Pipelines and commands at any depth, in the order they start, read with one tree cursor:
 * each step of a cursor is one call into the grammar's WebAssembly, where each node object
 * costs several (tree-sitter-bash nests `a && b && c` one level per operator, so the walk
 * keeps its own depth instead of recursing).
 */
function collect(tree: Tree, script: string, into: ShellScript): void {
  const cursor = tree.walk();
  const fields = fieldsOf(tree);
  const pipelines: ShellCommand[][] = [];
  // The pipeline whose direct children the cursor is on, for each depth of the walk.
  const pipelineAt: (ShellCommand[] | undefined)[] = [undefined];
  // The redirections of the statement whose command the walk reaches next.
  let redirected: Redirections | undefined;
  try {
    for (;;) {
      const depth = pipelineAt.length - 1;
      const type = cursor.nodeType;
      let entered: ShellCommand[] | undefined;
      if (type === 'command') {
        const command = commandAt(cursor, script, fields);
        if (redirected?.commandStart === command.start) Object.assign(command, redirected.of);
        into.commands.push(command);
        pipelineAt[depth]?.push(command);
      } else if (type === 'redirected_statement') {
        redirected = redirectionsOf(cursor.currentNode, script);
      } else if (type === 'pipeline') {
        entered = [];
        pipelines.push(entered);
      }
      if (cursor.gotoFirstChild()) {
        pipelineAt.push(entered);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          for (const commands of pipelines) if (commands.length > 1) into.pipelines.push(commands);
          return;
        }
        pipelineAt.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

/** What a statement's redirections give the command it runs. */
interface Redirections {
  /** where the command the redirections apply to starts */
  commandStart: number | undefined;
  of: Pick<ShellCommand, 'writes' | 'heredoc'>;
}

/** Output operators that write a file: `>`, `>>`, `>|`, `&>`, `&>>`. */
const WRITES = /^(?:&?>>?|>\|)$/;

/**
 * The files a redirected statement writes its output to (standard output, or both streams) and
 * the here-document it reads, read from its node: redirections are rare, so the few calls into
 * the grammar's nodes cost little.
 */
function redirectionsOf(statement: Node, script: string): Redirections {
  const of: Redirections['of'] = {};
  for (const redirect of statement.childrenForFieldName('redirect')) {
    if (redirect?.type === 'heredoc_redirect') {
      const body = redirect.descendantsOfType('heredoc_body')[0];
      if (body) of.heredoc = script.slice(body.startIndex, body.endIndex);
      continue;
    }
    const destination = redirect?.childForFieldName('destination');
    const descriptor = redirect?.childForFieldName('descriptor');
    if (redirect?.type !== 'file_redirect' || !destination) continue;
    if (descriptor && script.slice(descriptor.startIndex, descriptor.endIndex) !== '1') continue;
    const from = descriptor ? descriptor.endIndex : redirect.startIndex;
    if (!WRITES.test(script.slice(from, destination.startIndex).trim())) continue;
    const target = script.slice(destination.startIndex, destination.endIndex);
    (of.writes ??= []).push(target.replace(/^(["'])(.*)\1$/s, '$2'));
  }
  return { commandStart: redirectedCommand(statement)?.startIndex, of };
}

/**
 * The command a statement's redirections apply to: the statement's command, or the last of a
 * pipeline or a list (`echo x | sed s/x/y/ > file` writes what `sed` prints). None for a
 * compound statement.
 */
function redirectedCommand(statement: Node): Node | null {
  const body = statement.childForFieldName('body');
  const last = body?.type === 'pipeline' || body?.type === 'list' ? body.lastNamedChild : body;
  return last?.type === 'command' ? last : null;
}

interface CommandFields {
  name: number | null;
  argument: number | null;
}

const fieldsByLanguage = new WeakMap<object, CommandFields>();

function fieldsOf(tree: Tree): CommandFields {
  let fields = fieldsByLanguage.get(tree.language);
  if (!fields) {
    fields = {
      name: tree.language.fieldIdForName('name'),
      argument: tree.language.fieldIdForName('argument'),
    };
    fieldsByLanguage.set(tree.language, fields);
  }
  return fields;
}

/** The command the cursor is on; the cursor is back on it afterwards. */
function commandAt(cursor: TreeCursor, script: string, fields: CommandFields): ShellCommand {
  const command: ShellCommand = {
    name: '',
    args: [],
    start: cursor.startIndex,
    end: cursor.endIndex,
  };
  if (!cursor.gotoFirstChild()) return command;
  let named = false;
  do {
    const field = cursor.currentFieldId;
    if (field === fields.name && !named) {
      command.name = wordText(cursor, script);
      named = true;
    } else if (field === fields.argument) command.args.push(wordText(cursor, script));
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return command;
}

/**
 * The text of the word the cursor is on, with its quotes removed, read from the original
 * (unmasked) script; the cursor is back on the word afterwards.
 */
function wordText(cursor: TreeCursor, script: string): string {
  const type = cursor.nodeType;
  if (type === 'raw_string' || type === 'string')
    return script.slice(cursor.startIndex + 1, cursor.endIndex - 1);
  if (type !== 'concatenation' && type !== 'command_name')
    return script.slice(cursor.startIndex, cursor.endIndex);
  const whole = script.slice(cursor.startIndex, cursor.endIndex);
  const parts: string[] = [];
  if (cursor.gotoFirstChild()) {
    do {
      if (!cursor.nodeIsNamed) continue;
      parts.push(wordText(cursor, script));
      if (type === 'command_name') break;
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  if (type === 'command_name') return parts[0] ?? whole;
  return parts.join('');
}
