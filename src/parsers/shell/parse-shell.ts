/**
 * Shell commands (Ansible `command`/`shell`, Puppet `exec`, Chef `execute`/`bash`) read with a
 * real shell grammar: tree-sitter-bash, compiled to WebAssembly, so no native build is needed.
 */
import type { Parser, Node as SyntaxNode } from 'web-tree-sitter';
import { UnanalysableError } from '../../model/file-error.js';
import { grammarParser } from '../wasm/grammar-parser.js';

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

export interface ShellCommand {
  /** the command's name with quotes removed (`curl`, `/usr/bin/wget`) */
  name: string;
  /** its arguments with quotes removed */
  args: string[];
  /** offsets into the script */
  start: number;
  end: number;
}

export interface ShellScript {
  /** every simple command, including those inside pipelines, lists and substitutions */
  commands: ShellCommand[];
  /** each pipeline as the commands joined by `|`, in order */
  pipelines: ShellCommand[][];
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Loads the grammar once per process; every later call is free. */
export function initShellParser(): Promise<void> {
  loading ??= (async () => {
    parser = await grammarParser('tree-sitter-bash/tree-sitter-bash.wasm');
  })();
  return loading;
}

/** Template expressions (`{{ x }}`, `{% ... %}`) become same-length placeholders so offsets hold. */
function maskTemplates(script: string): string {
  return script.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, (match) => 'T'.repeat(match.length));
}

const cache = new Map<string, ShellScript>();
const CACHE_LIMIT = 2_000;

export function parseShell(script: string): ShellScript {
  if (!parser) throw new Error('shell parser not initialised: call initShellParser() first');
  const cached = cache.get(script);
  if (cached) return cached;
  if (bracketDepth(script) > MAX_SHELL_NESTING) throw new ShellNestingError(script);
  const tree = parser.parse(maskTemplates(script));
  const result: ShellScript = { commands: [], pipelines: [] };
  if (tree) {
    collect(tree.rootNode, script, result);
    tree.delete();
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(script, result);
  return result;
}

/** The deepest bracket nesting in the text, quotes or not: a cheap upper bound of the command's nesting. */
function bracketDepth(script: string): number {
  let depth = 0;
  let deepest = 0;
  for (const character of script) {
    if (character === '(' || character === '{' || character === '[')
      deepest = Math.max(deepest, ++depth);
    else if ((character === ')' || character === '}' || character === ']') && depth > 0) depth -= 1;
  }
  return deepest;
}

/** Pipelines and commands at any depth, found by the grammar's own (native) search. */
function collect(root: SyntaxNode, script: string, into: ShellScript): void {
  for (const node of root.descendantsOfType(['pipeline', 'command'])) {
    if (!node) continue;
    if (node.type === 'command') {
      into.commands.push(toCommand(node, script));
      continue;
    }
    const commands = node.namedChildren
      .filter((child): child is SyntaxNode => child !== null && child.type === 'command')
      .map((child) => toCommand(child, script));
    if (commands.length > 1) into.pipelines.push(commands);
  }
}

function toCommand(node: SyntaxNode, script: string): ShellCommand {
  const nameNode = node.childForFieldName('name');
  const args = node
    .childrenForFieldName('argument')
    .filter((child): child is SyntaxNode => child !== null);
  return {
    name: nameNode ? wordText(nameNode, script) : '',
    args: args.map((arg) => wordText(arg, script)),
    start: node.startIndex,
    end: node.endIndex,
  };
}

/** The text of a word with its quotes removed, read from the original (unmasked) script. */
function wordText(node: SyntaxNode, script: string): string {
  const text = script.slice(node.startIndex, node.endIndex);
  switch (node.type) {
    case 'raw_string':
      return text.slice(1, -1);
    case 'string':
      return text.slice(1, -1);
    case 'concatenation':
      return node.namedChildren
        .filter((child): child is SyntaxNode => child !== null)
        .map((child) => wordText(child, script))
        .join('');
    case 'command_name':
      return node.namedChildren[0] ? wordText(node.namedChildren[0], script) : text;
    default:
      return text;
  }
}
