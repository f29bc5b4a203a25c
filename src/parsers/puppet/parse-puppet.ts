/**
 * Puppet manifests (`.pp`) → the shared model, through Posture's own lexer and parser.
 */
import type { ParseOutcome } from '../index.js';
import type { Program } from './ast.js';
import { PuppetSyntaxError } from './errors.js';
import { lex, type CommentSpan } from './lexer.js';
import { parseTokens } from './parser.js';
import { Positions } from './positions.js';
import { buildModel } from './to-model.js';

export interface ParsedManifest {
  program: Program;
  comments: CommentSpan[];
}

/** Parses a manifest into its AST; throws `PuppetSyntaxError` on invalid input. */
export function parseManifest(source: string): ParsedManifest {
  const { tokens, comments, error } = lex(source);
  if (!error) return { program: parseTokens(tokens, source.length), comments };
  try {
    parseTokens(tokens, source.length);
  } catch (syntaxError) {
    if (syntaxError instanceof PuppetSyntaxError && syntaxError.offset < error.offset) throw syntaxError;
  }
  throw error;
}

export function parsePuppet(path: string, source: string): ParseOutcome {
  try {
    const manifest = parseManifest(source);
    return { ok: true, model: buildModel(path, source, manifest.program, manifest.comments) };
  } catch (error) {
    if (error instanceof PuppetSyntaxError) {
      return { ok: false, error: { path, message: `Puppet: ${error.message}`, line: new Positions(source).line(error.offset) } };
    }
    if (error instanceof RangeError) {
      // the call stack ran out on a pathologically long expression (a chain of 100,000 `+`)
      return { ok: false, error: { path, message: 'Puppet: the file nests expressions too deeply to analyse' } };
    }
    throw error;
  }
}
