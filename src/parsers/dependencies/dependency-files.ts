/**
 * The files that say which modules and cookbooks a repository pulls in, and from where: the
 * `Puppetfile` r10k and librarian-puppet install Puppet modules from, and the `Berksfile`
 * Berkshelf installs cookbooks from. Both are Ruby, read with the Chef reader's grammar
 * (tree-sitter-ruby); each declaration becomes a unit of kind `dependency`:
 *
 * - `mod 'puppetlabs/apache', '12.0.0'`, `mod 'site', :git => 'https://...', :tag => 'v1'`;
 *   `cookbook 'nginx', '~> 12.0'`, `cookbook 'app', git: 'https://...'`: the unit's name is the
 *   module or cookbook, a version written after it is the attribute `version`, and each option
 *   (`git`, `ref`, `tag`, `branch`, `path`) an attribute of its own;
 * - `forge 'https://forgeapi.puppet.com'`, `source 'https://supermarket.chef.io'`: where the
 *   modules or cookbooks without a source of their own come from, as an attribute named after
 *   the declaration (`forge`, `source`), with any options beside it.
 *
 * Other Ruby (`moduledir`, `metadata`, groups, conditions) is read past; declarations inside
 * `group :test do ... end` and conditions count like the others.
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import type { Attribute, FileModel, Language, Unit, Value } from '../../model/model.js';
import type { DependencyFileKind } from './file-names.js';
import { COMMENT_TYPES, readComments } from '../chef/comments.js';
import { HEREDOC_TYPES, Heredocs } from '../chef/heredocs.js';
import { LOCAL_VARIABLE_TYPES, LocalVariables } from '../chef/locals.js';
import { parseRubyModel } from '../chef/ruby-model.js';
import { callArguments, field, rangeOf, SyntaxIndex, type SyntaxNode } from '../chef/syntax.js';
import { RubyValues } from '../chef/values.js';

interface DependencyFileSpec {
  language: Language;
  /** the declaration of one module or cookbook */
  dependency: string;
  /** the declaration of where they come from */
  source: string;
}

const SPECS: Readonly<Record<DependencyFileKind, DependencyFileSpec>> = {
  puppetfile: {
    language: 'puppet',
    dependency: 'mod',
    source: 'forge',
  },
  berksfile: {
    language: 'chef',
    dependency: 'cookbook',
    source: 'source',
  },
};

const INDEXED_TYPES = [
  ...new Set([...COMMENT_TYPES, ...HEREDOC_TYPES, ...LOCAL_VARIABLE_TYPES, 'call']),
];

/** The language whose modules or cookbooks a dependency file pulls in. */
export function dependencyFileLanguage(kind: DependencyFileKind): Language {
  return SPECS[kind].language;
}

export function parseDependencyFile(
  path: string,
  source: string,
  kind: DependencyFileKind,
): ParseOutcome {
  const spec = SPECS[kind];
  return parseRubyModel(path, source, (root) => {
    const index = new SyntaxIndex(root, INDEXED_TYPES);
    const values = new RubyValues(source, new Heredocs(index, source), new LocalVariables(index));
    const model: FileModel = {
      path,
      language: spec.language,
      kind: 'data',
      units: index
        .of('call')
        .map((call) => declaration(call, spec, values))
        .filter((unit): unit is Unit => unit !== undefined),
      variables: [],
      comments: readComments(index),
      conditions: [],
      lines: source.split(/\r?\n/),
    };
    return model;
  });
}

/** A receiver-less `mod`, `forge`, `cookbook` or `source` call as a unit. */
function declaration(
  call: SyntaxNode,
  spec: DependencyFileSpec,
  values: RubyValues,
): Unit | undefined {
  const method = field(call, 'method');
  if (field(call, 'receiver') || method?.type !== 'identifier') return undefined;
  const type = method.text;
  if (type !== spec.dependency && type !== spec.source) return undefined;
  const attributes: Attribute[] = [];
  // The positional arguments: a module's name and version, or a source's URL.
  const positional = type === spec.dependency ? ['name', 'version'] : [type];
  let position = 0;
  for (const argument of callArguments(call)) {
    const value = values.value(argument);
    if (argument.type === 'pair' || argument.type === 'hash') {
      for (const entry of value.entries ?? []) attributes.push(entry);
      continue;
    }
    const name = positional[position++];
    if (name) attributes.push({ name, value, range: rangeOf(argument) });
  }
  const title = attributes.find((attribute) => attribute.name === 'name')?.value;
  return {
    kind: 'dependency',
    type,
    typeAsWritten: type,
    typeRange: rangeOf(method),
    ...(type === spec.dependency && isText(title) ? { name: title.value } : {}),
    attributes,
    keywords: [],
    range: rangeOf(call),
  };
}

function isText(value: Value | undefined): value is Value & { value: string } {
  return value?.kind === 'string' && typeof value.value === 'string';
}
