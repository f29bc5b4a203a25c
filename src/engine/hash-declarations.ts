/**
 * Resources a file declares from a hash another file holds (`create_resources('yumrepo',
 * $repos)`, with `profile::repos::repos` set in Hiera): each title's entry becomes a resource
 * whose attributes are written in the file that defines them, and the rules judge those
 * resources there. A finding lands on the line of the entry, in that file, and names the
 * declaration it comes from; it waits, as other reports on definitions do, until that file is
 * analysed, with its suppressions and waivers.
 *
 * The entries are read under the hash's name, as the definitions that reach the declaring file
 * give them: each attribute is one key below its title, or, for the one resource a file titles
 * itself (`file { '/etc/x': * => $attributes }`), one key below the name; where each entry
 * holds one attribute's value (`sysctl { $key: value => $value }`), everything below the name
 * is the title, which may hold the separator (`node.base.sysctl.kernel.randomize_va_space`).
 * A key nested deeper holds a hash, which no rule reads as an attribute's value. Each file that
 * gives entries is judged as a run of its own.
 */
import type { Finding } from '../model/finding.js';
import type { VariableDefinition } from '../model/definition.js';
import type {
  Attribute,
  FileModel,
  HashDeclaration,
  SourceRange,
  Unit,
  Value,
} from '../model/model.js';
import type { ActiveRule } from '../policy/resolve-rules.js';
import type { Profile } from '../rules/profiles.js';
import type { CrossFile } from './variables/cross-file.js';
import type { VariableResolver } from './variables/variable-index.js';
import { runRules } from './run-rules.js';
import { writtenString } from '../model/written-string.js';
import { withDefaults } from '../model/with-defaults.js';

/**
 * Runs the rules on the resources `model` declares from hashes other files hold, and leaves
 * their findings waiting for those files.
 */
export function judgeDeclaredHashes(
  model: FileModel,
  active: readonly ActiveRule[],
  profile: Profile,
  crossFile: CrossFile,
): void {
  const declarations = model.hashDeclarations ?? [];
  if (declarations.length === 0) return;
  const resolver = crossFile.resolverFor(model);
  for (const declaration of declarations) {
    for (const [path, entries] of entriesByFile(resolver, declaration)) {
      if (path === model.path) continue;
      const units = [...entries].map(([title, attributes]) =>
        declaredUnit(declaration, title, attributes),
      );
      const declared: FileModel = {
        path,
        language: model.language,
        kind: model.kind,
        units,
        variables: [],
        comments: [],
        conditions: [],
        lines: crossFile.linesOf(path) ?? [],
      };
      const landing = { path: model.path, line: declaration.range.line, as: declaration.usedAs };
      for (const finding of runRules(declared, active, profile, crossFile, { takeWaiting: false }))
        if (finding.range.line > 0) crossFile.deferred.add(path, deferredReport(finding, landing));
    }
  }
}

/** By file, then by title: the attributes each title's entry gives, as the definitions do. */
function entriesByFile(
  resolver: VariableResolver,
  declaration: HashDeclaration,
): Map<string, Map<string, Attribute[]>> {
  const byFile = new Map<string, Map<string, Attribute[]>>();
  const prefix = `${declaration.hashName}${declaration.separator}`;
  // One resource the file titles itself, or one per key of the hash.
  const titled = declaration.title?.text;
  for (const name of resolver.namesUnder(prefix)) {
    const keys = name.slice(prefix.length).split(declaration.separator);
    const { valueAttribute } = declaration;
    const [title, attribute, ...deeper] =
      valueAttribute !== undefined
        ? [keys.join(declaration.separator), valueAttribute]
        : titled === undefined
          ? keys
          : [titled, ...keys];
    if (!title || !attribute || deeper.length > 0) continue;
    for (const definition of resolver.resolve(name))
      entryOf(byFile, definition.path, title).push(attributeOf(attribute, definition));
  }
  return byFile;
}

function entryOf(
  byFile: Map<string, Map<string, Attribute[]>>,
  path: string,
  title: string,
): Attribute[] {
  let byTitle = byFile.get(path);
  if (!byTitle) byFile.set(path, (byTitle = new Map<string, Attribute[]>()));
  let attributes = byTitle.get(title);
  if (!attributes) byTitle.set(title, (attributes = []));
  return attributes;
}

function attributeOf(name: string, definition: VariableDefinition): Attribute {
  return { name, value: definition.value, range: definition.range };
}

/**
 * A resource of the declared type for one title. The declaration's defaults complete it, so
 * that a rule sees what Puppet would apply; they are written in the declaring file, so they
 * sit on no line of this one (line 0), and what a rule reports on them is dropped here: the
 * declaring file's own analysis judges its defaults.
 */
function declaredUnit(declaration: HashDeclaration, title: string, attributes: Attribute[]): Unit {
  const first = attributes[0]?.range ?? NOWHERE;
  const defaults = declaration.defaults.map((attribute) => ({
    ...attribute,
    range: NOWHERE,
    value: { ...attribute.value, range: NOWHERE },
  }));
  // A title the declaring file writes sits on none of this file's lines either.
  const titleValue: Value = declaration.title
    ? { ...declaration.title, range: NOWHERE }
    : { kind: 'string', value: title, text: title, dynamic: false, range: first };
  const name = writtenString(titleValue);
  const last = attributes.at(-1)?.value.range ?? first;
  return {
    kind: 'resource',
    type: declaration.type,
    typeAsWritten: declaration.typeAsWritten,
    typeRange: NOWHERE,
    ...(name === undefined ? {} : { name }),
    attributes: [
      { name: 'title', value: titleValue, range: titleValue.range },
      ...withDefaults(attributes, defaults, (attribute) => attribute.name),
    ],
    keywords: [],
    range: { ...first, endLine: last.endLine, endColumn: last.endColumn },
    ...(declaration.within ? { within: declaration.within } : {}),
  };
}

/** Where what a declaring file writes sits in the file that gives the entries: nowhere. */
const NOWHERE: SourceRange = { line: 0, column: 0, endLine: 0, endColumn: 0 };

/** A finding on a declared resource, as a report on its file naming the declaration. */
function deferredReport(
  finding: Finding,
  landing: { path: string; line: number; as: string },
): Parameters<CrossFile['deferred']['add']>[1] {
  return {
    ruleId: finding.ruleId,
    range: finding.range,
    message: `${finding.message}; used ${landing.as} at ${landing.path}:${landing.line}`,
    severity: finding.severity,
    ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
    landing: finding.landing ?? landing,
  };
}
