/**
 * Puppet manifests (`.pp`) → the shared model, through Posture's own lexer and parser.
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import type { Program } from './ast.js';
import { PuppetNestingError, PuppetSyntaxError } from './errors.js';
import { lex, type CommentSpan } from './lexer.js';
import { parseTokens } from './parser.js';
import { Positions } from './positions.js';
import { buildModel } from './to-model.js';
import { checkTreeDepth } from './tree-depth.js';

export interface ParsedManifest {
  program: Program;
  comments: CommentSpan[];
}

/** Parses a manifest into its AST; throws `PuppetSyntaxError` on invalid input. */
export function parseManifest(source: string): ParsedManifest {
  const { tokens, comments, error } = lex(source);
  if (!error) {
    const program = parseTokens(tokens, source.length);
    checkTreeDepth(program);
    return { program, comments };
  }
  try {
    parseTokens(tokens, source.length);
  } catch (syntaxError) {
    if (syntaxError instanceof PuppetSyntaxError && syntaxError.offset < error.offset)
      throw syntaxError;
  }
  throw error;
}

export function parsePuppet(path: string, source: string): ParseOutcome {
  try {
    const manifest = parseManifest(source);
    return { ok: true, model: buildModel(path, source, manifest.program, manifest.comments) };
  } catch (error) {
    if (error instanceof PuppetSyntaxError) {
      const kind = error instanceof PuppetNestingError ? 'too-deep' : 'syntax';
      return {
        ok: false,
        error: {
          path,
          kind,
          message: `Puppet: ${error.message}`,
          line: new Positions(source).line(error.offset),
        },
      };
    }
    throw error;
  }
}
