/**
 * Settings of daemons as a file sets them, wherever it sets them: the directives of a
 * configuration file or template the repository deploys, a line a task writes into such a
 * file (`lineinfile` to `/etc/ssh/sshd_config`), a key a task or resource sets (`sysctl`), or
 * what a well-known role the file applies writes, when the run lacks the role's code.
 * A rule judges a setting by name and value and `checkSettings` reports it: on the setting
 * when its value is written there, or, when a variable gives it or a flag decides whether it is
 * written, on the line that sets the variable, naming where it lands.
 */
import type {
  Attribute,
  ConfigFormat,
  Directive,
  FileModel,
  FlagGuard,
  Language,
  SourceRange,
  Unit,
  Value,
} from '../../model/model.js';
import { formatByDestination, formatSpec, type FormatSpec } from '../../parsers/config/formats.js';
import {
  CONTENT_WRITERS,
  INI_WRITERS,
  KEY_VALUE_WRITERS,
  LINE_WRITERS,
} from '../knowledge/config-writers.js';
import { readDirectives } from '../../parsers/config/read-directives.js';
import type { RenderedLine } from '../../parsers/templates/render-lines.js';
import { descriptorOf } from '../../languages/index.js';
import type { Report, RuleContext, VariableDefinition } from '../rule.js';
import { bindings, reportBinding, resolveWithin, wholeBindings } from './bindings.js';
import { passes } from './truth.js';
import { mountTableReader } from '../../parsers/config/syntaxes/mount-table.js';
import { isTrue, removesResource, stringText } from './values.js';
import { underCondition } from './under-condition.js';
import { attributeOf, firstAttribute } from './units.js';
import { COOKBOOK_ATTRIBUTE_SETTINGS, roleSettingsOf } from '../knowledge/role-settings.js';
import { includedRole } from '../../parsers/ansible/applied-files.js';
import {
  registeredFor,
  whenConditionsOf,
  whenAlternatives,
  whenGuards,
} from '../../parsers/ansible/when-conditions.js';
import { augeasSettings } from './augeas-changes.js';
import { commandWrites } from './command-writes.js';
import { commandsIn, effectiveProgram } from './commands.js';
import { guardsOfIteration, loopIterations, type Iteration } from './loop-items.js';
import { itemLines } from './template-loop-items.js';
import { destinationReader, writtenDestination, type Destinations } from './destinations.js';
import { sameRange } from '../../model/ranges.js';
import {
  booleanWordsOf,
  optionHashesHeldIn,
  optionHashesIn,
  optionLines,
  type BooleanWords,
} from './option-hash-lines.js';

/**
 * Keyword files that also read `Keyword = value`, into which an INI writer puts a setting
 * before any section (`ini_setting` with `section => ''` on `/etc/ssh/sshd_config`), as it does
 * into any file of `key = value` lines (`auditd.conf`, `postgresql.conf`).
 */
const KEY_EQUALS_VALUE: ReadonlySet<ConfigFormat> = new Set(['sshd', 'ssh']);

export interface Setting {
  format: ConfigFormat;
  /** as written: `PermitRootLogin`, `net.ipv4.ip_forward` */
  name: string;
  value: Value;
  /** where the setting is written (the directive, the task's line attribute) */
  range: SourceRange;
  /**
   * Written under a condition: a template's `{% if %}`, a task's `when:`, an `if` or `case`
   * around a resource. The code offers the setting rather than applying it.
   */
  conditional: boolean;
  /** for a conditional setting: the flags whose values write it (see `Directive`) */
  guards?: readonly FlagGuard[];
  section?: string;
  /** the Puppet class whose variables the value reads */
  within?: string;
  /**
   * For a setting a loop writes from an item of a list a variable holds: the item's field (or
   * the item) as a definition in the file that sets the variable, and where the task uses it
   * (`range` is then in that file).
   */
  givenBy?: VariableDefinition;
  usedAt?: SourceRange;
  /**
   * A role the file applies, whose code the run lacks, that writes the setting
   * (`knowledge/role-settings.ts`): its value reads names as that role does.
   */
  readBy?: string;
  /** the words the module that writes the setting writes a Boolean it is given as */
  booleans?: BooleanWords;
}

/** A setting judged insecure: what it does, and how bad that is when less than the rule's severity. */
export interface Verdict {
  problem: string;
  severity?: Report['severity'];
}

export type Judge = (name: string, value: string, setting: Setting) => Verdict | undefined;

/**
 * Every setting of the given formats the file writes; none in a file that the run includes or
 * renders only under flags that are set, wherever they are set, to values that leave it out
 * (`include_tasks: lab.yml` with `when: lab | bool`, where `lab` is false everywhere). Where
 * such a flag lets the file run somewhere, its settings are judged as they stand, on their own
 * lines: the flag turns on the whole file, and is not the choice of any one setting in it.
 */
export function* settingsOf(
  context: Pick<RuleContext, 'file' | 'resolve' | 'namesUnder' | 'runsUnder' | 'registered'>,
  formats: readonly ConfigFormat[],
): Generator<Setting> {
  const { file, runsUnder } = context;
  const leftOut = (guard: FlagGuard) => setEverywhereSo(context, undefined, guard, false);
  if (runsUnder?.every((guards) => guards.some(leftOut))) return;
  const config = file.config;
  if (config && formats.includes(config.format)) {
    for (const directive of config.directives)
      yield directiveSetting(config.format, directive, config.within);
    yield* loopItemSettings(context, file);
  }
  for (const setting of unitSettings(context)) if (formats.includes(setting.format)) yield setting;
}

/**
 * Syntax families whose lines say where they belong only through the lines before them (a
 * section, a block): a loop's line written out on its own would lose that, and is not read.
 */
const READ_IN_CONTEXT: ReadonlySet<FormatSpec['syntax']> = new Set([
  'ini',
  'braces',
  'tags',
  'yaml-keys',
]);

/** The settings a template's loops write, read once per file for the many rules that ask. */
const loopSettingsByFile = new WeakMap<FileModel, readonly Setting[]>();

/**
 * The settings a template's loops write for each item of the variable they loop over, each
 * reported where the item is set (`{% for client in postgresql_hba_entries %}` with the entries
 * in the role's defaults or an inventory's `group_vars`).
 */
function loopItemSettings(
  context: Pick<RuleContext, 'file' | 'resolve' | 'namesUnder'>,
  file: FileModel,
): readonly Setting[] {
  const config = file.config;
  if (!config?.loops) return [];
  const known = loopSettingsByFile.get(file);
  if (known) return known;
  const settings: Setting[] = [];
  const spec = formatSpec(config.format);
  if (!spec.sections && !READ_IN_CONTEXT.has(spec.syntax)) {
    const templated = descriptorOf(file.language).variables.templated;
    for (const loop of config.loops)
      for (const { line, item, usedAt } of itemLines(context, loop))
        for (const directive of readDirectives([line], spec, templated)) {
          const setting = directiveSetting(config.format, directive, config.within);
          if (literalOf(setting.value) !== undefined)
            settings.push({ ...setting, givenBy: item, usedAt });
        }
  }
  loopSettingsByFile.set(file, settings);
  return settings;
}

/** The settings each file's tasks and resources write, read once for the many rules that ask. */
const unitSettingsByFile = new WeakMap<FileModel, readonly Setting[]>();

function unitSettings(
  context: Pick<RuleContext, 'file' | 'resolve' | 'namesUnder' | 'registered'>,
): readonly Setting[] {
  let settings = unitSettingsByFile.get(context.file);
  if (!settings) {
    settings = [...readUnitSettings(context)];
    unitSettingsByFile.set(context.file, settings);
  }
  return settings;
}

function* readUnitSettings(
  context: Pick<RuleContext, 'file' | 'resolve' | 'namesUnder' | 'registered'>,
): Generator<Setting> {
  const { file } = context;
  const destinations = destinationReader(context);
  const registered = registeredFor(file, context.registered);
  for (const unit of file.units) {
    if (removesResource(unit, file.language)) continue;
    // A loop writes a setting for each item: the task with the item written out, each time.
    const iterations =
      file.language === 'ansible' && writesSetting(unit.type, file.language)
        ? loopIterations(context, unit)
        : undefined;
    // A task under `or` writes its setting in each of the ways it can run; read only for a
    // task that writes one, as most write none.
    let ways: Guard[] | undefined;
    const waysOfUnit = () => (ways ??= waysToRun(file, unit, registered));
    if (iterations) {
      for (const iteration of iterations) {
        const written = writtenSetting(iteration.unit, file, destinations);
        if (!written) continue;
        for (const way of waysOfUnit()) {
          const itemGuard = guardOfIteration(way, iteration);
          if (itemGuard)
            yield { ...written, ...itemGuard, ...listed(unit, written, iteration.givenBy) };
        }
      }
    } else {
      const written = writtenSetting(unit, file, destinations);
      if (written) for (const way of waysOfUnit()) yield { ...written, ...way };
    }
    yield* contentSettings(unit, file, destinations, registered);
    for (const { spec, name, value } of augeasSettings(unit, file.language))
      for (const way of waysOfUnit())
        yield {
          format: spec.format,
          name,
          value,
          range: value.range,
          ...way,
          ...(unit.within ? { within: unit.within } : {}),
        };
  }
  yield* commandSettings(file, destinations, registered);
  yield* sysctlCommandSettings(file, registered);
  if (file.language === 'ansible') yield* appliedRoleSettings(file);
  if (file.language === 'chef') yield* cookbookAttributeSettings(file);
  yield* optionHashSettings(file, registered);
  yield* heldOptionHashSettings(context, registered);
}

/**
 * The settings a Forge module writes from an option hash the file gives it
 * (`knowledge/option-hashes.ts`), read as the file the module writes is read.
 */
function* optionHashSettings(file: FileModel, registered: ReadonlySet<string>): Generator<Setting> {
  const templated = descriptorOf(file.language).variables.templated;
  for (const { hash, lines, unit } of optionHashesIn(file)) {
    const ways = unit ? waysToRun(file, unit, registered) : [{ conditional: false }];
    const guarded = lines.map((line) => ({ ...line, ...linesGuard(ways) }));
    const booleans = booleanWordsOf(hash.layout);
    for (const directive of readDirectives(guarded, formatSpec(hash.format), templated))
      yield {
        ...directiveSetting(hash.format, directive, unit?.within),
        ...(booleans ? { booleans } : {}),
      };
  }
}

/**
 * The settings a Forge module writes from an option hash a variable holds
 * (`class { 'ssh::server': options => $ssh_options }`): the hash as each file that sets its keys
 * sets them, each literal setting reported on its key's line there, naming the declaration that
 * hands the hash to the module.
 */
function* heldOptionHashSettings(
  context: Pick<RuleContext, 'file' | 'resolve' | 'namesUnder'>,
  registered: ReadonlySet<string>,
): Generator<Setting> {
  const { file } = context;
  const templated = descriptorOf(file.language).variables.templated;
  for (const { hash, unit, reference } of optionHashesHeldIn(file)) {
    const ways = waysToRun(file, unit, registered);
    for (const held of heldHashes(context, reference, unit.within)) {
      const lines = optionLines(held.options, hash.layout).map((line) => ({
        ...line,
        ...linesGuard(ways),
      }));
      for (const directive of readDirectives(lines, formatSpec(hash.format), templated)) {
        const setting = directiveSetting(hash.format, directive, unit.within);
        const given = held.definitionAt(setting.range);
        if (given && literalOf(setting.value) !== undefined)
          yield { ...setting, givenBy: given, usedAt: reference.range };
      }
    }
  }
}

/** A key of a held hash, as a path of one or two keys, and the definition that gives its value. */
interface HeldKey {
  key: string[];
  definition: VariableDefinition;
}

/**
 * The hashes a variable holds, one for each file that sets it: a hash the variable is given
 * whole (a parameter's default), or one rebuilt from the keys the run indexes
 * (`ssh_options::PermitRootLogin`, `ssh_options::Match User x::PasswordAuthentication`);
 * `definitionAt` names the key whose value is at a range.
 */
function heldHashes(
  context: Pick<RuleContext, 'file' | 'resolve' | 'namesUnder'>,
  reference: Value,
  within: string | undefined,
): { options: Value; definitionAt(range: SourceRange): VariableDefinition | undefined }[] {
  const name = reference.name?.replace(/^::/, '');
  if (!name || name.includes('[')) return [];
  const byFile = new Map<string, HeldKey[]>();
  const add = (held: HeldKey) => {
    const keys = byFile.get(held.definition.path) ?? [];
    keys.push(held);
    byFile.set(held.definition.path, keys);
  };
  for (const definition of [
    ...resolveWithin(context, name, within),
    ...parameterDefaults(context.file, name, within),
  ])
    if (definition.value.kind === 'map') for (const held of keysOf(definition, name)) add(held);
  const wholeIn = new Set(byFile.keys());
  const prefixes =
    within && !name.includes('::') ? [`${within}::${name}::`, `${name}::`] : [`${name}::`];
  const prefix = prefixes.find((candidate) => (context.namesUnder?.(candidate).length ?? 0) > 0);
  for (const leaf of (prefix && context.namesUnder?.(prefix)) || []) {
    const key = leaf.slice(prefix?.length).split('::');
    if (key.length > 2) continue;
    for (const definition of context.resolve(leaf))
      if (!wholeIn.has(definition.path)) add({ key, definition: keyNamed(definition, name, key) });
  }
  return [...byFile.values()].map((keys) => ({
    options: rebuiltHash(keys, reference.range),
    definitionAt: (range) =>
      keys.find(({ definition }) => gives(definition.value, range))?.definition,
  }));
}

/**
 * The default of the class's own parameter `name`, which the run indexes by its keys only where
 * it is a hash.
 */
function parameterDefaults(
  file: FileModel,
  name: string,
  within: string | undefined,
): VariableDefinition[] {
  return file.variables
    .filter(
      (variable) =>
        variable.scope === 'parameter' &&
        variable.owner === within &&
        variable.path.length === 1 &&
        variable.name === name,
    )
    .map((variable) => ({
      name,
      value: variable.value,
      path: file.path,
      range: variable.range,
      origin: 'parameter-default',
    }));
}

/** The keys of a hash a definition gives whole, a block's keys under the block's. */
function keysOf(definition: VariableDefinition, name: string): HeldKey[] {
  return (definition.value.entries ?? []).flatMap(({ name: outer, value }) => {
    const inner =
      value.kind === 'map'
        ? (value.entries ?? []).map((entry) => ({ key: [outer, entry.name], value: entry.value }))
        : [{ key: [outer], value }];
    return inner.map(({ key, value: keyValue }) => ({
      key,
      definition: keyNamed({ ...definition, value: keyValue, range: keyValue.range }, name, key),
    }));
  });
}

/**
 * A key's definition named as Puppet reads the key (`$ssh_options['Match User x']['PasswordAuthentication']`);
 * Hiera's keeps its own key.
 */
function keyNamed(definition: VariableDefinition, name: string, key: string[]): VariableDefinition {
  return definition.origin === 'hiera'
    ? definition
    : { ...definition, name: `${name}['${key.join("']['")}']` };
}

/** A hash of one or two levels from its keys' paths and values. */
function rebuiltHash(keys: readonly HeldKey[], range: SourceRange): Value {
  const entries: Attribute[] = [];
  for (const { key, definition } of keys) {
    const [outer, inner] = key;
    if (outer === undefined) continue;
    const entry = { name: inner ?? outer, value: definition.value, range: definition.range };
    if (inner === undefined) {
      entries.push(entry);
      continue;
    }
    let block = entries.find(
      (candidate) => candidate.name === outer && candidate.value.kind === 'map',
    );
    if (!block) {
      block = { name: outer, range: definition.range, value: hashValue([], definition.range) };
      entries.push(block);
    }
    block.value.entries?.push(entry);
  }
  return hashValue(entries, range);
}

function hashValue(entries: Attribute[], range: SourceRange): Value {
  return { kind: 'map', text: '', dynamic: false, range, entries };
}

/** Whether a value, or an item of it, is the one written at `range`. */
function gives(value: Value, range: SourceRange): boolean {
  return (
    sameRange(value.range, range) ||
    (value.items ?? []).some((item) => sameRange(item.range, range))
  );
}

/**
 * The settings well-known roles write, for each role the file applies by name (a play's
 * `roles:`, an `include_role` or `import_role` task), as the role writes them.
 */
function* appliedRoleSettings(file: FileModel): Generator<Setting> {
  for (const unit of file.units) {
    const applied = (unit.roles ?? []).map((role, index) => ({
      role,
      range: unit.roleRanges?.[index] ?? unit.range,
    }));
    const included = includedRole(unit);
    if (included !== undefined)
      applied.push({ role: included, range: attributeOf(unit, 'name')?.value.range ?? unit.range });
    for (const { role, range } of applied) {
      const known = roleSettingsOf(role);
      if (!known) continue;
      for (const [name, written] of Object.entries(known.directives))
        yield {
          format: known.format,
          name,
          value: { kind: 'string', value: written, text: written, dynamic: true, range },
          range,
          conditional: false,
          readBy: role,
        };
    }
  }
}

/**
 * The settings a community cookbook writes from node attributes the file sets
 * (`knowledge/role-settings.ts`): `default['openssh']['server']['permit_root_login'] = 'yes'`
 * is `PermitRootLogin yes` in the `sshd_config` the openssh cookbook renders.
 */
function* cookbookAttributeSettings(file: FileModel): Generator<Setting> {
  for (const variable of file.variables) {
    if (variable.scope !== 'attribute' || variable.value.kind === 'map') continue;
    const known = COOKBOOK_ATTRIBUTE_SETTINGS.find(
      ({ under }) =>
        variable.path.length === under.length + 1 &&
        under.every((key, index) => variable.path[index] === key),
    );
    const key = variable.path.at(-1);
    if (!known || key === undefined) continue;
    yield {
      format: known.format,
      name: key
        .split('_')
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join(''),
      value: variable.value,
      range: variable.value.range,
      conditional: false,
    };
  }
}

/**
 * The settings of the text a task or resource writes into a configuration file (`copy` with
 * `content`, `blockinfile`, Puppet's and Chef's `file` with `content`), read as a deployed file
 * of that format is read: its blocks, OpenSSH's first value, and expressions as references.
 */
function* contentSettings(
  unit: Unit,
  file: FileModel,
  destinations: Destinations,
  registered: ReadonlySet<string>,
): Generator<Setting> {
  const writer = CONTENT_WRITERS[file.language]?.[unit.type];
  if (!writer) return;
  const spec = formatWrittenTo(unit, writer.path, destinations);
  const content = attributeOf(unit, writer.content)?.value;
  const text = content ? stringText(content) : undefined;
  if (!spec || !content || text === undefined) return;
  const templated = descriptorOf(file.language).variables.templated;
  const lines = contentLines(content, text, waysToRun(file, unit, registered), templated);
  for (const directive of readDirectives(lines, spec, templated))
    yield directiveSetting(spec.format, directive, unit.within);
}

/** The format of the file a unit writes into, from the first of `pathNames` it sets. */
function formatWrittenTo(
  unit: Unit,
  pathNames: readonly string[],
  destinations: Destinations,
): FormatSpec | undefined {
  const path = firstAttribute(unit, pathNames);
  const destination = path ? destinations(path.value, unit.within) : undefined;
  return destination ? formatByDestination(destination) : undefined;
}

/** A directive of a file, or of text written into one, as a setting; `within` as for `Setting`. */
function directiveSetting(
  format: ConfigFormat,
  directive: Directive,
  within: string | undefined,
): Setting {
  return {
    format,
    name: directive.name,
    value: directive.value,
    range: directive.value.range,
    conditional: directive.conditional,
    ...(directive.guards ? { guards: directive.guards } : {}),
    ...(directive.section ? { section: directive.section } : {}),
    ...(within ? { within } : {}),
  };
}

/**
 * How far past the end of the previous line the next one is looked for in the source: the line
 * break and indentation of a block, or an escaped `\n` and a quoted string's continuation.
 */
const LINE_SEARCH_SLACK = 1000;

/**
 * The lines of a string the code writes, each placed where it is written: a line found as it
 * is in the source (a YAML block scalar, a quoted string without escapes) gets its exact range;
 * one the language's escapes or folding changed points at the whole value. One pass over the
 * source, each line looked for only just after the one before, so that a file-sized string
 * costs its length and not its square.
 */
function contentLines(
  content: Value,
  text: string,
  ways: readonly Guard[],
  templated: RegExp,
): RenderedLine[] {
  const written = content.text;
  const start = content.range;
  /** how far the source has been read, the line breaks before that, and the last of them */
  let cursor = 0;
  let lineBreaks = 0;
  let lastBreak = -1;
  return text.split('\n').map((raw) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const window = written.slice(cursor, cursor + line.length + LINE_SEARCH_SLACK);
    const found = line.trim() === '' ? -1 : window.indexOf(line);
    // Only text the language computes reads variables: a single-quoted Puppet string's `$x` is
    // written as it stands.
    const rendered = {
      text: line,
      ...linesGuard(ways),
      templated: content.dynamic && templated.test(line),
    };
    if (found < 0) return { ...rendered, rangeOf: () => start };
    const at = cursor + found;
    for (let index = cursor; index < at; index++)
      if (written.charCodeAt(index) === 10) {
        lineBreaks++;
        lastBreak = index;
      }
    cursor = at + line.length;
    const sourceLine = start.line + lineBreaks;
    const column = lineBreaks === 0 ? start.column + at : at - lastBreak;
    return {
      ...rendered,
      rangeOf: (from: number, to: number): SourceRange => ({
        line: sourceLine,
        column: column + from,
        endLine: sourceLine,
        endColumn: column + to,
      }),
    };
  });
}

/**
 * A value assigned in one branch of an `if` or `case` of the file that uses it (`$rpfilter =
 * '0'` in the `else` of a hardening toggle): an option the code offers, like a guarded setting.
 */
function setUnderCondition(file: FileModel, definition: VariableDefinition | undefined): boolean {
  if (!definition || definition.path !== file.path) return false;
  return underCondition(file, definition.range);
}

/** Whether a task or resource runs under a condition, and what decides it where that is known. */
interface Guard {
  conditional: boolean;
  /** for a conditional task: the flags whose values run it (see `Directive`) */
  guards?: readonly FlagGuard[];
}

/**
 * What the lines a task or resource writes are written under, in each way it runs
 * (`waysToRun`), as rendered lines say it.
 */
function linesGuard(ways: readonly Guard[]): Pick<RenderedLine, 'conditional' | 'ways'> {
  const conditional = ways.some((way) => way.conditional);
  const guards = ways.flatMap((way) => (way.guards ? [way.guards] : []));
  return {
    conditional,
    ...(conditional && guards.length === ways.length ? { ways: guards } : {}),
  };
}

/**
 * A task with `when:`, its own or a block's around it, or a resource inside an `if`, `unless` or
 * `case`; for a task or resource whose every condition tests one variable (`when: ssh_legacy |
 * bool`, Puppet's `if $ssh_legacy`), what those variables must be for it to run.
 */
function guardOf(file: FileModel, unit: Unit, registered: ReadonlySet<string>): Guard {
  if (unit.guards) return guarded(unit.guards);
  const conditions = whenConditionsOf(file, unit);
  if (conditions.length === 0) return { conditional: underCondition(file, unit.range) };
  // `when: ansible_os_family == 'Debian'` picks hosts: on those, the task always runs.
  const guards = whenGuards(conditions, registered);
  return guards ? guarded(guards) : { conditional: true };
}

/**
 * The guards of each way a task can run, as `guardOf` gives one: several where its `when:` has
 * `or` at the top, each read on its own (`when: ssh_lab | bool or ssh_legacy | bool`); one
 * unconditional where any way only picks hosts.
 */
function waysToRun(file: FileModel, unit: Unit, registered: ReadonlySet<string>): Guard[] {
  if (unit.guardWays) return unit.guardWays.map(guarded);
  const conditions = unit.guards ? [] : whenConditionsOf(file, unit);
  const alternatives = conditions.length > 0 ? whenAlternatives(conditions, registered) : undefined;
  if (!alternatives || alternatives.length < 2) return [guardOf(file, unit, registered)];
  if (alternatives.some((way) => way.length === 0)) return [{ conditional: false }];
  return alternatives.map(guarded);
}

/**
 * Where a setting a loop writes from an item of a list a variable holds comes from: the item's
 * definition, and where the task uses it.
 */
function listed(
  unit: Unit,
  written: Setting,
  givenBy: ReadonlyMap<string, VariableDefinition> | undefined,
): Pick<Setting, 'givenBy' | 'usedAt'> {
  if (!givenBy) return {};
  for (const [name, definition] of givenBy)
    if (sameRange(definition.range, written.range)) {
      const usedAt = attributeOf(unit, name)?.value.range ?? unit.range;
      return { givenBy: definition, usedAt };
    }
  return {};
}

/**
 * A loop's guard for one item: its tests of the item answered by the item
 * (`loop-items.ts`); undefined where the task skips the item.
 */
function guardOfIteration(guard: Guard, iteration: Iteration): Guard | undefined {
  if (!guard.guards) return guard;
  const read = guardsOfIteration(guard.guards, iteration);
  if (read === 'skipped') return undefined;
  return read ? guarded(read) : { conditional: true };
}

/** The flags that decide a setting; with none (its conditions only pick hosts), it is written wherever it applies. */
function guarded(guards: readonly FlagGuard[]): Guard {
  return guards.length > 0 ? { conditional: true, guards } : { conditional: false };
}

/**
 * The setting a line written into a file of `spec` sets: `PermitRootLogin yes` sets
 * `PermitRootLogin` to `yes`. Formats read a line at a time (sudoers, rsyslog) take the whole
 * line as the value, as their reader does for a deployed file.
 */
function lineSetting(spec: FormatSpec, text: string): { name: string; value: string } | undefined {
  if (spec.syntax === 'rule-lines') {
    const whole = text.trim();
    const name = /^\S+/.exec(whole)?.[0];
    return name && !whole.startsWith('#') ? { name, value: whole } : undefined;
  }
  if (spec.syntax === 'mount-table') {
    // named by its second column, the mount point
    const directive = mountTableReader({}).read(text).directive;
    return (
      directive && {
        name: directive.name,
        value: text.slice(directive.valueFrom, directive.valueTo),
      }
    );
  }
  const split = /^\s*([A-Za-z][\w.-]*)(?:\s*=\s*|\s+)(.*?)\s*$/.exec(text);
  return split?.[1] && split[2] !== undefined ? { name: split[1], value: split[2] } : undefined;
}

/**
 * The settings of the text commands write into files whose format Posture reads (`sed -i`,
 * `echo ... >> /etc/ssh/sshd_config`, a here-document into `tee`), read as such a file is read.
 */
function* commandSettings(
  file: FileModel,
  destinations: Destinations,
  registered: ReadonlySet<string>,
): Generator<Setting> {
  const templated = descriptorOf(file.language).variables.templated;
  for (const { unit, file: target, text, range } of commandWrites(file)) {
    const destination = destinations(target, unit.within);
    const spec = destination === undefined ? undefined : formatByDestination(destination);
    if (!spec) continue;
    const ways = waysToRun(file, unit, registered);
    const lines = text.split('\n').map((line) => ({
      text: line,
      ...linesGuard(ways),
      templated: templated.test(line),
      rangeOf: () => range,
    }));
    for (const directive of readDirectives(lines, spec, templated))
      yield directiveSetting(spec.format, directive, unit.within);
  }
}

/**
 * `sysctl -w kernel.randomize_va_space=0` (or `sysctl key=value`): the kernel parameter set on
 * the running host, read as the `sysctl.conf` line that would set it.
 */
function* sysctlCommandSettings(
  file: FileModel,
  registered: ReadonlySet<string>,
): Generator<Setting> {
  const templated = descriptorOf(file.language).variables.templated;
  for (const command of commandsIn(file)) {
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      if (name !== 'sysctl') continue;
      const range = command.rangeOf(step);
      for (const arg of args) {
        const setting = /^([\w./-]+)=(.*)$/.exec(arg);
        if (!setting?.[1] || setting[2] === undefined) continue;
        const text = setting[2];
        const value: Value = {
          kind: 'string',
          value: text,
          text,
          dynamic: templated.test(text),
          range,
        };
        for (const way of waysToRun(file, command.unit, registered))
          yield { format: 'sysctl', name: setting[1], value, range, ...way };
      }
    }
  }
}

/** Whether a task or resource of this type writes one setting (see `writtenSetting`). */
function writesSetting(type: string, language: Language): boolean {
  return (
    LINE_WRITERS[language]?.[type] !== undefined ||
    INI_WRITERS[language]?.[type] !== undefined ||
    KEY_VALUE_WRITERS[language]?.[type] !== undefined
  );
}

function writtenSetting(
  unit: Unit,
  file: FileModel,
  destinations: Destinations,
): Setting | undefined {
  const { language } = file;
  const { type } = unit;
  const within = unit.within ? { within: unit.within } : {};
  const lineWriter = LINE_WRITERS[language]?.[type];
  if (lineWriter) {
    const spec = formatWrittenTo(unit, lineWriter.path, destinations);
    const line = attributeOf(unit, lineWriter.line);
    const text = line ? stringText(line.value) : undefined;
    const set = spec && text !== undefined ? lineSetting(spec, text) : undefined;
    if (!spec || !line || !set) return undefined;
    return {
      format: spec.format,
      name: set.name,
      value: { ...line.value, kind: 'string', value: set.value, text: set.value },
      range: line.value.range,
      conditional: false,
      ...within,
    };
  }
  const iniWriter = INI_WRITERS[language]?.[type];
  if (iniWriter) {
    const spec = formatWrittenTo(unit, iniWriter.path, destinations);
    const key = attributeOf(unit, iniWriter.key)?.value;
    const name = key && !key.dynamic ? stringText(key) : undefined;
    const value =
      attributeOf(unit, iniWriter.value)?.value ?? bareOption(unit, iniWriter.bareFlag, key);
    const section = attributeOf(unit, iniWriter.section)?.value;
    const sectionName = section && !section.dynamic ? stringText(section) : undefined;
    // A section computed at run time may be any: which one the rules would judge is not known.
    if (!spec || !name || !value || section?.dynamic) return undefined;
    const topOfFile =
      !sectionName && (spec.syntax === 'key-equals' || KEY_EQUALS_VALUE.has(spec.format));
    if (spec.syntax !== 'ini' && !topOfFile) return undefined;
    return {
      format: spec.format,
      name,
      value,
      range: value.range,
      conditional: false,
      ...(sectionName ? { section: sectionName } : {}),
      ...within,
    };
  }
  const keyWriter = KEY_VALUE_WRITERS[language]?.[type];
  if (!keyWriter) return undefined;
  const keyAttribute = firstAttribute(unit, keyWriter.key);
  const key = keyAttribute ? stringText(keyAttribute.value) : unit.name;
  const value = attributeOf(unit, keyWriter.value);
  if (!key || !value) return undefined;
  return {
    format: keyWriter.format,
    name: key,
    value: value.value,
    range: value.value.range,
    conditional: false,
    ...within,
  };
}

/**
 * The empty value of a key an INI writer writes bare (`ini_file` with `allow_no_value: true`
 * and no `value`), as a server reads a flag: on.
 */
function bareOption(
  unit: Unit,
  flag: string | undefined,
  key: Value | undefined,
): Value | undefined {
  const allowed = flag === undefined ? undefined : attributeOf(unit, flag)?.value;
  if (!key || !allowed || !isTrue(allowed)) return undefined;
  return { kind: 'string', value: '', text: '', dynamic: false, range: key.range };
}

/**
 * Judges every setting of the formats, literal or bound to the variables it reads, and reports
 * what the judge finds; a setting's name is matched without regard to case.
 */
export function checkSettings(
  context: RuleContext,
  formats: readonly ConfigFormat[],
  judge: Judge,
): void {
  for (const setting of settingsOf(context, formats)) {
    const { shown, where } = described(setting);
    const literal = literalOf(setting.value);
    if (literal !== undefined) {
      if (setting.givenBy && setting.usedAt) {
        // An item of a list a variable holds: reported where the item is written.
        const verdict = writtenSomewhere(context, setting)
          ? judge(setting.name, literal, setting)
          : undefined;
        if (verdict)
          reportBinding(
            context,
            {
              value: setting.value,
              reference: setting.givenBy.name,
              taken: literal,
              definition: setting.givenBy,
            },
            { range: setting.usedAt, as: `as \`${setting.name}\` in ${where}` },
            `writes \`${shown(literal)}\`: ${verdict.problem}`,
            verdict.severity ? { severity: verdict.severity } : {},
          );
        continue;
      }
      // Which branch applies is decided by the condition's variables, judged where they are set.
      if (setting.conditional) {
        checkGuarded(context, setting, literal, judge);
        continue;
      }
      const verdict = judge(setting.name, literal, setting);
      if (verdict)
        context.report({
          range: setting.range,
          message: `\`${shown(literal)}\` in ${where}: ${verdict.problem}`,
          ...(verdict.severity ? { severity: verdict.severity } : {}),
        });
      continue;
    }
    const reading = readingOf(context, setting);
    if (!reading) continue;
    const written = bindings(reading, setting.value, setting.within);
    if (written.length > 0 && neverWritten(context, setting)) continue;
    for (const binding of written) {
      const bound = boundLiteral(binding.value, setting.booleans);
      if (bound === undefined || setUnderCondition(context.file, binding.definition)) continue;
      const verdict = judge(setting.name, bound, setting);
      if (!verdict) continue;
      reportBinding(
        context,
        binding,
        { range: setting.range, as: `as \`${setting.name}\` in ${where}` },
        `writes \`${shown(bound)}\`: ${verdict.problem}`,
        verdict.severity ? { severity: verdict.severity } : {},
      );
    }
  }
  for (const { setting, definition, use } of contentHeldInVariables(context, formats)) {
    const literal = literalOf(setting.value);
    if (literal === undefined || !writtenSomewhere(context, setting)) continue;
    const verdict = judge(setting.name, literal, setting);
    if (!verdict) continue;
    const { shown, where } = described(setting);
    const elsewhere = definition.path !== context.file.path;
    context.report({
      range: setting.range,
      path: definition.path,
      ...(elsewhere
        ? { landing: { path: context.file.path, line: use.line, as: `in the content of ${where}` } }
        : {}),
      message: `\`${shown(literal)}\` in \`${definition.name}\`, written as the content of ${where} at ${context.file.path}:${use.line}: ${verdict.problem}`,
      ...(verdict.severity ? { severity: verdict.severity } : {}),
    });
  }
}

/**
 * A literal setting under a condition that tests one flag (`{% if x11_forwarding | bool %}`):
 * judged for each value of the flag that writes it, on the line that sets that value (see
 * `decidingFlag`).
 */
function checkGuarded(context: RuleContext, setting: Setting, literal: string, judge: Judge): void {
  const guard = decidingFlag(context, setting);
  if (!guard) return;
  const verdict = judge(setting.name, literal, setting);
  if (!verdict) return;
  const { shown, where } = described(setting);
  for (const definition of definitionsWriting(context, setting, guard))
    reportBinding(
      context,
      { value: setting.value, reference: guard.name, taken: definition.value.text, definition },
      { range: setting.range, as: `as the condition of \`${setting.name}\` in ${where}` },
      `writes \`${shown(literal)}\`: ${verdict.problem}`,
      verdict.severity ? { severity: verdict.severity } : {},
    );
}

/**
 * The flag that decides whether a conditional setting is written. Under conditions on several
 * flags, those set everywhere to a value that writes it decide nothing
 * (`if $manage_ssh { if $allow_root { ... } }` with `$manage_ssh = true`): the one flag left
 * decides, or, with none left, the innermost. Undefined where no flag decides: under several
 * flags left, whose values write it together is not followed, and under a condition that is no
 * flag's test the setting is an option the code offers.
 */
function decidingFlag(context: RuleContext, setting: Setting): FlagGuard | undefined {
  const guards = setting.guards ?? [];
  const open =
    guards.length > 1
      ? guards.filter((guard) => !setEverywhereSo(context, setting.within, guard, true))
      : guards;
  return open.length === 0 ? guards.at(-1) : open.length === 1 ? open[0] : undefined;
}

/** The flag's definitions that write the setting: set, outside a condition of the file, to a value that passes its test. */
function definitionsWriting(
  context: RuleContext,
  setting: Setting,
  guard: FlagGuard,
): VariableDefinition[] {
  return resolveWithin(context, guard.name, setting.within).filter(
    (definition) =>
      passes(guard.test, definition.value) === guard.when &&
      !setUnderCondition(context.file, definition),
  );
}

/**
 * Whether a setting is written somewhere: always, for one under no condition; for one under a
 * flag's test, where the run sets the flag somewhere to a value that writes it.
 */
export function writtenSomewhere(context: RuleContext, setting: Setting): boolean {
  if (!setting.conditional) return true;
  const guard = decidingFlag(context, setting);
  return guard !== undefined && definitionsWriting(context, setting, guard).length > 0;
}

/**
 * Whether a flag is set, wherever it is set, to a value that writes the setting (`writes`
 * true) or to one that does not (`writes` false).
 */
function setEverywhereSo(
  context: Pick<RuleContext, 'resolve'>,
  within: string | undefined,
  guard: FlagGuard,
  writes: boolean,
): boolean {
  // A line written where a variable is not defined (the `else` of `{% if x is defined %}`) is
  // written on every host no definition of it reaches, which the definitions cannot tell.
  if (guard.test === 'defined' && !guard.when && !writes) return false;
  const definitions = resolveWithin(context, guard.name, within);
  return (
    definitions.length > 0 &&
    definitions.every(
      (definition) => passes(guard.test, definition.value) === (guard.when === writes),
    )
  );
}

/**
 * How a setting's value reads names: as the file does, or, for a role that writes it, as the
 * role does; undefined when the run holds that role's code, which is then read instead.
 */
function readingOf(
  context: RuleContext,
  setting: Setting,
): Pick<RuleContext, 'file' | 'resolve'> | undefined {
  if (setting.readBy === undefined) return context;
  const resolve = context.resolveInAbsentUnit?.(setting.readBy);
  return resolve && { file: context.file, resolve };
}

/**
 * Whether a flag that a conditional setting is written under is set, wherever it is set, to a
 * value that does not write it (`{% if legacy %}Ciphers {{ legacy_ciphers }}` with
 * `legacy: false`): whatever the setting's own variables hold, the line is not written.
 */
function neverWritten(context: RuleContext, setting: Setting): boolean {
  return (setting.guards ?? []).some((guard) =>
    setEverywhereSo(context, setting.within, guard, false),
  );
}

/** How a message shows a setting's value, and names the file it is in. */
function described(setting: Setting): { shown: (value: string) => string; where: string } {
  const spec = formatSpec(setting.format);
  return {
    // A bare flag (`skip-grant-tables`) is its name; columns aligned with spaces read as one.
    shown: (value) => {
      const text = value.replace(/\s+/g, ' ');
      if (spec.syntax === 'rule-lines') return text;
      return text === '' ? setting.name : `${setting.name} ${text}`;
    },
    where: `${spec.label}${setting.section ? ` (\`${setting.section}\`)` : ''}${
      setting.readBy ? ` by the role \`${setting.readBy}\` applied` : ''
    }`,
  };
}

/**
 * The settings of text a variable holds, which a task or resource writes whole into a
 * configuration file (`copy` with `content: "{{ sshd_extra }}"`): read as that file, each placed
 * on its line in the file that sets the variable, with the use it lands through.
 */
function* contentHeldInVariables(
  context: RuleContext,
  formats: readonly ConfigFormat[],
): Generator<{ setting: Setting; definition: VariableDefinition; use: SourceRange }> {
  const { file } = context;
  const templated = descriptorOf(file.language).variables.templated;
  const registered = registeredFor(file, context.registered);
  for (const { unit, spec, content } of computedContents(file)) {
    if (!formats.includes(spec.format)) continue;
    for (const { definition } of wholeBindings(context, content, unit.within)) {
      const text = definition ? stringText(definition.value) : undefined;
      if (!definition || text === undefined || setUnderCondition(file, definition)) continue;
      const lines = contentLines(
        definition.value,
        text,
        waysToRun(file, unit, registered),
        templated,
      );
      for (const directive of readDirectives(lines, spec, templated))
        yield {
          setting: directiveSetting(spec.format, directive, unit.within),
          definition,
          use: content.range,
        };
    }
  }
}

interface ComputedContent {
  unit: Unit;
  spec: FormatSpec;
  content: Value;
}

/** The tasks and resources of each file that write computed content into a configuration file. */
const computedContentsByFile = new WeakMap<FileModel, readonly ComputedContent[]>();

function computedContents(file: FileModel): readonly ComputedContent[] {
  let found = computedContentsByFile.get(file);
  if (!found) {
    found = file.units.flatMap((unit) => {
      const writer = CONTENT_WRITERS[file.language]?.[unit.type];
      if (!writer || removesResource(unit, file.language)) return [];
      const spec = formatWrittenTo(unit, writer.path, writtenDestination);
      const content = attributeOf(unit, writer.content)?.value;
      return spec && content?.dynamic ? [{ unit, spec, content }] : [];
    });
    computedContentsByFile.set(file, found);
  }
  return found;
}

/** A bound value's literal; a Boolean as the words the module writes it as, where it has them. */
function boundLiteral(value: Value, booleans: BooleanWords | undefined): string | undefined {
  if (booleans && value.kind === 'boolean' && !value.dynamic)
    return value.value === true ? booleans.true : booleans.false;
  return literalOf(value);
}

function literalOf(value: Value): string | undefined {
  if (value.dynamic) return undefined;
  if (value.kind === 'string')
    return typeof value.value === 'string' ? value.value.trim() : undefined;
  if (value.kind === 'number' || value.kind === 'boolean') return String(value.value);
  return undefined;
}
