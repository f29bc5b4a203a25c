/**
 * Chef cookbook Ruby (recipes, attribute files, custom resources, providers, libraries,
 * metadata.rb) and Ruby roles and environments → the shared model. Call `initChefParser()` once
 * before parsing.
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import type { FileModel } from '../../model/model.js';
import { COMMENT_TYPES, readComments } from './comments.js';
import { CONDITION_TYPES, readConditions } from './conditions.js';
import { guardResources } from './resource-guards.js';
import { readIteratedResources } from './iterated-resources.js';
import { readFileEdits } from './file-edits.js';
import { HEREDOC_TYPES, Heredocs } from './heredocs.js';
import { LOCAL_VARIABLE_TYPES, LocalVariables } from './locals.js';
import { ResourceReader, STATEMENT_TYPES } from './resources.js';
import { parseRubyModel } from './ruby-model.js';
import { SyntaxIndex, type SyntaxNode } from './syntax.js';
import { RubyValues } from './values.js';
import { VariableReader } from './variables.js';
import { isRoleFile } from './file-names.js';
import { roleVariables, rubyRoleSections } from './roles.js';

export { initChefParser } from './ruby-parser.js';
export { isChefCookbookPath } from './cookbook-path.js';

const ATTRIBUTES_PATH = /(^|[\\/])attributes[\\/]/;

/** Every node type some reader looks at, gathered in one walk. */
const INDEXED_TYPES = [
  ...new Set([
    ...COMMENT_TYPES,
    ...CONDITION_TYPES,
    ...HEREDOC_TYPES,
    ...LOCAL_VARIABLE_TYPES,
    ...STATEMENT_TYPES,
    'call',
    'operator_assignment',
  ]),
];

export function parseChef(path: string, source: string): ParseOutcome {
  return parseRubyModel(path, source, (root) => buildModel(path, source, root));
}

function buildModel(path: string, source: string, root: SyntaxNode): FileModel {
  const index = new SyntaxIndex(root, INDEXED_TYPES);
  const locals = new LocalVariables(index);
  const values = new RubyValues(source, new Heredocs(index, source), locals);
  const units = new ResourceReader(values).units(index);
  readFileEdits(index, units, values);
  guardResources(index, units, values);
  const hashDeclarations = readIteratedResources(index, units, values);
  return {
    path,
    language: 'chef',
    kind: ATTRIBUTES_PATH.test(path) ? 'attributes' : 'recipe',
    units,
    variables: isRoleFile(path)
      ? roleVariables(rubyRoleSections(index, values))
      : new VariableReader(values, locals).variables(index),
    comments: readComments(index),
    conditions: readConditions(index),
    lines: source.split(/\r?\n/),
    ...(hashDeclarations.length > 0 ? { hashDeclarations } : {}),
  };
}
