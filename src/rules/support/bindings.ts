/**
 * Values as they are where a variable is used. A task that says `state: "{{ selinux_state }}"`
 * is as weak as the value `selinux_state` is given; a binding is that value put in place of the
 * reference, with the definition it comes from, so that a rule can judge the task as it runs and
 * report on the line that sets the value (the line a pull request changes).
 *
 * One reference is replaced at a time, so each binding has one cause. A reference with no
 * definition in the run binds to the literal its expression falls back to (`default('ALL')`),
 * and that finding stays where the expression is written.
 */
import type {
  Attribute,
  FileModel,
  Language,
  SourceRange,
  Unit,
  Value,
} from '../../model/model.js';
import { descriptorOf } from '../../languages/index.js';
import { parseShell } from '../../parsers/shell/parse-shell.js';
import { isRoleFile } from '../../parsers/chef/file-names.js';
import {
  commandAttributesIn,
  commandsIn,
  commandTextOf,
  isCommandAttribute,
  type CommandText,
} from './commands.js';
import type { Choice, Reference } from '../../languages/language.js';
import { referencesIn, wholeReference } from '../../languages/references.js';
import type { Report, RuleContext, VariableDefinition } from '../rule.js';
import { literalText } from './values.js';
import { passes } from './truth.js';
import { loopItemDefinitions, loopsOverList } from './loop-items.js';

export interface Binding {
  /** the value with one reference replaced by what it takes */
  value: Value;
  /** the reference as written (`{{ selinux_state }}`, `$mode`, `node['app']['mode']`) */
  reference: string;
  /** what the reference takes, as text: the definition's value, or the expression's own literal */
  taken: string;
  /** the definition the value comes from; undefined when the expression itself gives it */
  definition?: VariableDefinition;
}

type Resolve = RuleContext['resolve'];

/**
 * The bindings of each value under each file's resolver: many rules bind the same values, and a
 * resolver answers the same for all of them.
 */
const bindingsByResolver = new WeakMap<Resolve, WeakMap<Value, Map<string, readonly Binding[]>>>();

const NO_BINDINGS: readonly Binding[] = Object.freeze([]);

/**
 * Every literal a value can take from the variables it reads, one reference at a time. `within`
 * is the Puppet class or defined type the value is written in, whose parameters `$name` reads.
 */
export function bindings(
  context: Pick<RuleContext, 'file' | 'resolve'>,
  value: Value,
  within?: string,
): readonly Binding[] {
  // A value that reads no variable has no binding: most values, answered before any table.
  if (referencesIn(value, context.file.language).length === 0) return NO_BINDINGS;
  let byValue = bindingsByResolver.get(context.resolve);
  if (!byValue) {
    byValue = new WeakMap();
    bindingsByResolver.set(context.resolve, byValue);
  }
  let byScope = byValue.get(value);
  if (!byScope) {
    byScope = new Map();
    byValue.set(value, byScope);
  }
  let found = byScope.get(within ?? '');
  if (!found) {
    found = [...bindingsOf(context, value, within)];
    byScope.set(within ?? '', found);
  }
  return found;
}

function* bindingsOf(
  context: Pick<RuleContext, 'file' | 'resolve'>,
  value: Value,
  within: string | undefined,
): Generator<Binding> {
  const looping = loopingUnitOf(context.file, value);
  for (const reference of referencesIn(value, context.file.language)) {
    const written = writtenText(value, reference);
    const items =
      looping && reference.name ? loopItemDefinitions(context, looping, reference.name) : [];
    const definitions =
      items.length > 0 ? items : referencedDefinitions(context, reference, within);
    if (definitions.length === 0 && reference.fallback !== undefined) {
      const fallback = reference.choice
        ? (chosen(reference.choice, fallbackValue(reference.fallback, value.range)) ?? '')
        : reference.fallback;
      yield {
        value: bound(value, reference, fallback, context.file.language),
        reference: written,
        taken: reference.fallback,
      };
      continue;
    }
    for (const definition of definitions) {
      const taken = takenValue(value, reference, definition.value, context.file.language);
      if (taken)
        yield { value: taken, reference: written, taken: definition.value.text.trim(), definition };
    }
  }
}

/**
 * The bindings of a value that is one whole reference (`"{{ sudoers_file }}"`, `$mode`): the
 * variable gives all of it, so what the value says is what the definition says.
 */
export function* wholeBindings(
  context: Pick<RuleContext, 'file' | 'resolve'>,
  value: Value,
  within?: string,
): Generator<Binding> {
  if (!wholeReference(value, context.file.language)) return;
  yield* bindings(context, value, within);
}

/** The definitions a value that is one whole reference reads, computed or not. */
export function wholeDefinitions(
  context: Pick<RuleContext, 'file' | 'resolve'>,
  value: Value,
  within?: string,
): readonly VariableDefinition[] {
  const only = wholeReference(value, context.file.language);
  return only ? referencedDefinitions(context, only, within) : [];
}

/**
 * The looping Ansible task a value is an argument of (at any depth), for the references to its
 * loop item; worked out once per file.
 */
function loopingUnitOf(file: FileModel, value: Value): Unit | undefined {
  if (file.language !== 'ansible') return undefined;
  let byValue = loopingUnits.get(file);
  if (!byValue) {
    byValue = new WeakMap();
    for (const unit of file.units)
      if (loopsOverList(unit))
        for (const attribute of unit.attributes) markValues(attribute.value, unit, byValue);
    loopingUnits.set(file, byValue);
  }
  return byValue.get(value);
}

const loopingUnits = new WeakMap<FileModel, WeakMap<Value, Unit>>();

function markValues(value: Value, unit: Unit, into: WeakMap<Value, Unit>): void {
  into.set(value, unit);
  for (const entry of value.entries ?? []) markValues(entry.value, unit, into);
  for (const item of value.items ?? []) markValues(item, unit, into);
}

/** What a reference reads: its variable's definitions, else those of its `default()` variables in turn. */
function referencedDefinitions(
  context: Pick<RuleContext, 'file' | 'resolve'>,
  reference: Reference,
  within: string | undefined,
): readonly VariableDefinition[] {
  let found = reference.name ? resolveWithin(context, reference.name, within) : [];
  for (const name of reference.fallbackNames ?? []) {
    if (found.length > 0) break;
    found = resolveWithin(context, name, within);
  }
  return found;
}

/** A unit with one attribute bound, for each binding of each of its attributes. */
export function* boundUnits(
  context: Pick<RuleContext, 'file' | 'resolve'>,
  unit: Unit,
): Generator<{ unit: Unit; attribute: Attribute; binding: Binding }> {
  for (const attribute of unit.attributes) {
    for (const binding of bindings(context, attribute.value, unit.within)) {
      const attributes = unit.attributes.map((candidate) =>
        candidate === attribute ? { ...attribute, value: binding.value } : candidate,
      );
      yield { unit: { ...unit, attributes }, attribute, binding };
    }
  }
}

/** `$mode` in class `profile::selinux` is its parameter first: `profile::selinux::mode`. */
export function resolveWithin(
  context: Pick<RuleContext, 'resolve'>,
  name: string,
  within: string | undefined,
): readonly VariableDefinition[] {
  if (within && !name.includes('::')) {
    const qualified = context.resolve(`${within}::${name}`);
    if (qualified.length > 0) return qualified;
  }
  return context.resolve(name);
}

/** A command with one variable of its text bound, and the attribute that holds it. */
export type BoundCommand = CommandText & {
  binding: Binding;
  attribute: string;
  /**
   * The command as written, before the binding: what it does already is reported there, so a
   * rule reports on the binding only what the binding adds.
   */
  written: CommandText | undefined;
};

/** The bound commands of each file under its resolver, for the rules that read commands. */
const boundCommandsByResolver = new WeakMap<Resolve, WeakMap<FileModel, readonly BoundCommand[]>>();

/**
 * Commands whose text reads variables, with one variable bound at a time
 * (`curl {{ curl_flags }} ...` with `curl_flags: -k`). Steps point at the command's value.
 */
export function boundCommandsIn(
  context: Pick<RuleContext, 'file' | 'resolve'>,
): readonly BoundCommand[] {
  let byFile = boundCommandsByResolver.get(context.resolve);
  if (!byFile) {
    byFile = new WeakMap();
    boundCommandsByResolver.set(context.resolve, byFile);
  }
  let found = byFile.get(context.file);
  if (!found) {
    found = [...readBoundCommands(context)];
    byFile.set(context.file, found);
  }
  return found;
}

function* readBoundCommands(
  context: Pick<RuleContext, 'file' | 'resolve'>,
): Generator<BoundCommand> {
  let writtenByRange: Map<SourceRange, CommandText> | undefined;
  for (const { unit, attribute } of commandAttributesIn(context.file)) {
    for (const binding of bindings(context, attribute.value, unit.within)) {
      const text = commandTextOf(binding.value);
      if (!text) continue;
      const range = attribute.value.range;
      writtenByRange ??= new Map(
        commandsIn(context.file).map((command) => [command.range, command]),
      );
      yield {
        unit,
        text,
        range,
        script: parseShell(text),
        rangeOf: () => range,
        binding,
        attribute: attribute.name,
        written: writtenByRange.get(range),
      };
    }
  }
}

/**
 * Reports what a binding makes of the code: on the definition's value when a definition gives
 * it, naming where it is used (`use.as`: "as the `state` of `selinux`", "in the command of
 * `shell`"); otherwise where the reference is written.
 */
export function reportBinding(
  context: Pick<RuleContext, 'file' | 'report'>,
  binding: Binding,
  use: { range: SourceRange; as: string },
  problem: string,
  details: Pick<Report, 'severity'> = {},
): void {
  const { definition } = binding;
  if (!definition) {
    const gives = /\{\{\s*['"]/.test(binding.reference)
      ? `writes \`${binding.taken}\``
      : `falls back to \`${binding.taken}\` when nothing sets it`;
    context.report({
      ...details,
      range: use.range,
      message: `\`${binding.reference}\` ${gives} and ${problem}`,
    });
    return;
  }
  const through = definition.via?.length
    ? ` (through ${definition.via.map((name) => `\`${name}\``).join(', ')})`
    : '';
  context.report({
    ...details,
    range: definition.value.range,
    path: definition.path,
    ...(definition.path === context.file.path
      ? {}
      : { landing: { path: context.file.path, line: use.range.line, as: use.as } }),
    message: `\`${definitionText(definition, context.file.language)}\`${through}, used ${use.as} at ${context.file.path}:${use.range.line}, ${problem}`,
  });
}

/** Where in a task or resource a value is used: "as the `state` of `selinux`", "in the command of `shell`". */
export function usePhrase(file: FileModel, unit: Unit, attributeName: string): string {
  return isCommandAttribute(file, unit, attributeName)
    ? `in the command of ${unitLabel(unit)}`
    : `as the \`${attributeName}\` of ${unitLabel(unit)}`;
}

/** How a message names a task or resource: `` `ansible.posix.selinux` ``, `` class `selinux` ``. */
function unitLabel(unit: Unit): string {
  return unit.type === 'class' && unit.name
    ? `class \`${unit.name}\``
    : `\`${unit.typeAsWritten}\``;
}

/**
 * `selinux_state: permissive`, `$mode = 'permissive'`, `ssh::port => 2222` (a class
 * declaration's parameter), `node['app']['mode'] = 'permissive'`.
 */
function definitionText(definition: VariableDefinition, language: Language): string {
  const value = definition.value.text.trim();
  if (definition.origin === 'template-set') return `{% set ${definition.name} = ${value} %}`;
  if (definition.origin === 'template-variable')
    return `variables(${definition.name.replace(/^@/, '')}: ${value})`;
  if (language === 'ansible' || definition.origin === 'hiera')
    return `${definition.name}: ${value}`;
  if (definition.origin === 'class-declaration') return `${definition.name} => ${value}`;
  if (definition.origin === 'epp-parameter') return `'${definition.name}' => ${value}`;
  if (language === 'puppet') return `$${definition.name} = ${value}`;
  if (definition.origin === 'node-attribute' && isRoleFile(definition.path)) {
    // A role, environment or node writes the attribute as a key of its JSON or Ruby hash.
    const key = definition.name.slice(definition.name.lastIndexOf('.') + 1);
    return definition.path.endsWith('.json') ? `"${key}": ${value}` : `'${key}' => ${value}`;
  }
  if (definition.origin === 'node-attribute')
    return `${definition.name.replace(/\.([\w-]+)/g, "['$1']")} = ${value}`;
  if (definition.origin === 'parameter-default') return `${definition.name} defaults to ${value}`;
  return `${definition.name} = ${value}`;
}

function writtenText(value: Value, reference: Reference): string {
  if (reference.whole && value.kind !== 'string') return value.text;
  return typeof value.value === 'string'
    ? value.value.slice(reference.start, reference.end)
    : value.text;
}

/** What the value becomes when the reference takes a definition's value; undefined when that value is computed too. */
function takenValue(
  value: Value,
  reference: Reference,
  definitionValue: Value,
  language: Language,
): Value | undefined {
  if (reference.choice) {
    const picked = chosen(reference.choice, definitionValue);
    return picked === undefined ? undefined : bound(value, reference, picked, language);
  }
  if (definitionValue.dynamic || !LITERAL_KINDS.has(definitionValue.kind)) return undefined;
  if (reference.whole && (definitionValue.kind !== 'string' || reference.transforms.length === 0))
    return { ...definitionValue, range: value.range };
  const literal = literalText(definitionValue);
  return literal === undefined ? undefined : bound(value, reference, literal, language);
}

/** The value with the reference replaced by `literal`. */
function bound(value: Value, reference: Reference, literal: string, language: Language): Value {
  const text = reference.transforms.reduce(transform, literal);
  if (reference.whole)
    return { kind: 'string', value: text, text, dynamic: false, range: value.range };
  const written = typeof value.value === 'string' ? value.value : value.text;
  const replaced = written.slice(0, reference.start) + text + written.slice(reference.end);
  return {
    kind: 'string',
    value: replaced,
    text: replaced,
    dynamic: descriptorOf(language).variables.templated.test(replaced),
    range: value.range,
  };
}

/** Values that are what they say: scalars and lists of them. */
const LITERAL_KINDS: ReadonlySet<Value['kind']> = new Set(['string', 'number', 'boolean', 'list']);
/** The literal an expression picks by a literal value; undefined when that is not known. */
function chosen(choice: Choice, value: Value): string | undefined {
  const passed = passes(choice.test, value);
  if (passed === undefined) return undefined;
  return passed ? choice.whenTrue : choice.whenFalse;
}

/** The literal an expression falls back to (`default('no')`), as a string value. */
function fallbackValue(fallback: string, range: SourceRange): Value {
  return { kind: 'string', value: fallback, text: fallback, dynamic: false, range };
}

function transform(text: string, filter: string): string {
  if (filter === 'lower') return text.toLowerCase();
  if (filter === 'upper') return text.toUpperCase();
  return text.trim();
}
