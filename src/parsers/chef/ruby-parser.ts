/**
 * Ruby read with a real grammar: tree-sitter-ruby, compiled to WebAssembly and run by the same
 * web-tree-sitter runtime that reads shell commands, so no native build and no second runtime.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the Ruby grammar once per process; every later call is free. The runtime is shared with
 * the shell parser: initialise them one after the other, not concurrently, since each starts
 * the runtime if it is not running yet.
 */
export function initChefParser(): Promise<void> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const instance = await newParser();
    instance.setLanguage(
      await Language.load(require.resolve('tree-sitter-ruby/tree-sitter-ruby.wasm')),
    );
    parser = instance;
  })();
  return loading;
}

/** A parser on the running runtime, starting the runtime only if nothing has yet. */
async function newParser(): Promise<Parser> {
  try {
    return new Parser();
  } catch {
    await Parser.init();
    return new Parser();
  }
}

export class RubyParserNotReady extends Error {
  constructor() {
    super('Ruby parser not initialised: call initChefParser() first');
  }
}

/** A syntax tree for `source`; the caller must `delete()` it. */
export function parseRuby(source: string): Tree {
  if (!parser) throw new RubyParserNotReady();
  const tree = parser.parse(source);
  if (!tree) throw new Error('Ruby: the parser returned no tree');
  return tree;
}
