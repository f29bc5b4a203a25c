/**
 * A Ruby file to a model: parse it with tree-sitter-ruby, refuse it with the first syntax error
 * and its line, or build the model from the tree, which is freed either way. Cookbook code and
 * the Ruby dependency files (Puppetfile, Berksfile) differ only in what they build.
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import { unexpectedFileError } from '../../model/file-error.js';
import type { FileModel } from '../../model/model.js';
import { parseRuby, RubyParserNotReady } from './ruby-parser.js';
import { findSyntaxError } from './syntax-error.js';
import type { SyntaxNode } from './syntax.js';

export function parseRubyModel(
  path: string,
  source: string,
  build: (root: SyntaxNode) => FileModel,
): ParseOutcome {
  try {
    const tree = parseRuby(source);
    try {
      const error = findSyntaxError(tree.rootNode, source);
      if (error)
        return {
          ok: false,
          error: { path, kind: 'syntax', message: error.message, line: error.line },
        };
      return { ok: true, model: build(tree.rootNode) };
    } finally {
      tree.delete();
    }
  } catch (error) {
    if (error instanceof RubyParserNotReady)
      return { ok: false, error: { path, kind: 'internal', message: error.message } };
    return { ok: false, error: unexpectedFileError(path, error) };
  }
}
