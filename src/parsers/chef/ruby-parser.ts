/**
 * Ruby read with a real grammar: tree-sitter-ruby, compiled to WebAssembly and run by the same
 * web-tree-sitter runtime that reads shell commands, so no native build and no second runtime.
 */
import type { Parser, Tree } from 'web-tree-sitter';
import { grammarParser } from '../wasm/grammar-parser.js';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Loads the Ruby grammar once per process; every later call is free. */
export function initChefParser(): Promise<void> {
  loading ??= (async () => {
    parser = await grammarParser('tree-sitter-ruby/tree-sitter-ruby.wasm');
  })();
  return loading;
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
