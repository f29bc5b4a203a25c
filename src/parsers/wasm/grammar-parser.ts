/**
 * A tree-sitter parser for one grammar compiled to WebAssembly (bash, Ruby, ERB/EPP), all run
 * by one web-tree-sitter runtime. The runtime is imported and started the first time a grammar
 * is needed, so a run that reads no shell, Ruby or template pays nothing for it.
 */
import { createRequire } from 'node:module';
import type { Parser } from 'web-tree-sitter';

let runtime: Promise<typeof import('web-tree-sitter')> | undefined;

/** The runtime, started once: grammars may be loaded only after it has finished. */
function startedRuntime(): Promise<typeof import('web-tree-sitter')> {
  runtime ??= (async () => {
    const treeSitter = await import('web-tree-sitter');
    await treeSitter.Parser.init();
    return treeSitter;
  })();
  return runtime;
}

/**
 * The grammars loading, one after the other: two analyses of one review run side by side, and
 * the shell grammar loads in the middle of an analysis, while the other may be loading another.
 */
let loads: Promise<unknown> = Promise.resolve();

/** A parser for the grammar at `wasmPath`, a file of an installed package (`tree-sitter-bash/tree-sitter-bash.wasm`). */
export function grammarParser(wasmPath: string): Promise<Parser> {
  const loaded = loads.then(() => loadGrammar(wasmPath));
  loads = loaded.catch(() => undefined);
  return loaded;
}

async function loadGrammar(wasmPath: string): Promise<Parser> {
  const { Language, Parser } = await startedRuntime();
  const grammar = await Language.load(createRequire(import.meta.url).resolve(wasmPath));
  const parser = new Parser();
  parser.setLanguage(grammar);
  return parser;
}
