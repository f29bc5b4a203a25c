/**
 * The configuration lines a Forge module writes from the option hash a Puppet file gives it
 * (`knowledge/option-hashes.ts`): a resource-like class declaration's parameter, or the Hiera key
 * of that parameter. Each line is written as the module writes it, placed on the hash entry that
 * gives it, so that the format's own reading (blocks, the first value that wins) and the rules'
 * judging apply as they do to a deployed file. A value that reads a variable is written as a
 * Puppet interpolation and followed like any other; one the file computes is unknown.
 */
import type { FileModel, SourceRange, Unit, Value } from '../../model/model.js';
import type { RenderedLine } from '../../parsers/templates/render-lines.js';
import { optionHashOf, type OptionHash, type OptionLayout } from '../knowledge/option-hashes.js';

export interface WrittenOptions {
  hash: OptionHash;
  lines: RenderedLine[];
  /** the class declaration that gives the hash; undefined for a Hiera key */
  unit?: Unit;
}

/** An expression whose value is not known: it reads no variable (see `puppet/templates.ts`). */
const UNKNOWN = '${?}';

/** A class declaration whose option hash is one variable (`options => $ssh_options`). */
export interface HeldOptions {
  hash: OptionHash;
  unit: Unit;
  /** the reference the parameter is given */
  reference: Value;
}

export function* optionHashesHeldIn(file: FileModel): Generator<HeldOptions> {
  for (const { hash, unit, value } of declaredOptionHashes(file))
    if (value.kind === 'reference') yield { hash, unit, reference: value };
}

/** The option hashes resource-like class declarations give known modules, as written. */
function* declaredOptionHashes(
  file: FileModel,
): Generator<{ hash: OptionHash; unit: Unit; value: Value }> {
  if (file.language !== 'puppet') return;
  for (const unit of file.units) {
    if (unit.kind !== 'resource' || unit.type !== 'class' || unit.name === undefined) continue;
    for (const attribute of unit.attributes) {
      const hash = optionHashOf(unit.name, attribute.name);
      if (hash) yield { hash, unit, value: attribute.value };
    }
  }
}

export function* optionHashesIn(file: FileModel): Generator<WrittenOptions> {
  if (file.language !== 'puppet') return;
  for (const { hash, unit, value } of declaredOptionHashes(file))
    if (value.kind === 'map') yield { hash, lines: optionLines(value, hash.layout), unit };
  for (const variable of file.variables) {
    if (variable.scope !== 'hiera' || variable.value.kind !== 'map' || variable.path.length < 2)
      continue;
    const hash = optionHashOf(variable.path.slice(0, -1).join('::'), variable.path.at(-1) ?? '');
    if (hash) yield { hash, lines: optionLines(variable.value, hash.layout) };
  }
}

/** The lines the module writes from a hash, each placed on the entry that gives it. */
export function optionLines(options: Value, layout: OptionLayout): RenderedLine[] {
  return layout === 'keywords' ? keywordLines(options) : iniSectionLines(options);
}

/** A hash as `keywords`: its plain keys first, then its blocks, as the module orders them. */
function keywordLines(options: Value): RenderedLine[] {
  const entries = options.entries ?? [];
  const lines: RenderedLine[] = [];
  for (const { name, value } of entries)
    if (value.kind !== 'map') lines.push(...keyLines(name, value));
  for (const { name, value, range } of entries) {
    if (value.kind !== 'map') continue;
    lines.push(line(name, range, false));
    for (const inner of value.entries ?? []) lines.push(...keyLines(inner.name, inner.value));
  }
  return lines;
}

/** One line per item of an array, else one line; none for a value the module does not write. */
function keyLines(name: string, value: Value): RenderedLine[] {
  return itemsOf(value).flatMap((item) => {
    const written = writtenValue(item, YES_NO);
    return written === undefined
      ? []
      : [line(`${name} ${written.text}`, item.range, written.templated)];
  });
}

/** A hash as `ini-sections`: each hash under its `[section]` header; other keys are not written. */
function iniSectionLines(options: Value): RenderedLine[] {
  const lines: RenderedLine[] = [];
  for (const { name, value, range } of options.entries ?? []) {
    if (value.kind !== 'map') continue;
    lines.push(line(`[${name}]`, range, false));
    const entries = value.entries ?? [];
    const sslDisabled = entries.some(
      (entry) => entry.name === 'ssl-disable' && isBooleanTrue(entry.value),
    );
    const sslOff = entries.some((entry) => entry.name === 'ssl' && isBooleanFalse(entry.value));
    for (const { name: key, value: setting } of entries) {
      if (key === 'ssl-disable' || (sslDisabled && key.startsWith('ssl'))) continue;
      if (sslOff && key.startsWith('ssl-')) continue;
      if (isBooleanTrue(setting) || (setting.kind === 'string' && setting.value === '')) {
        lines.push(line(key, setting.range, false));
        continue;
      }
      for (const item of itemsOf(setting)) {
        const written = writtenValue(item, TRUE_FALSE);
        if (written) lines.push(line(`${key} = ${written.text}`, item.range, written.templated));
      }
    }
  }
  return lines;
}

/** The words a module writes `true` and `false` as. */
export interface BooleanWords {
  true: string;
  false: string;
}

const YES_NO: BooleanWords = { true: 'yes', false: 'no' };
const TRUE_FALSE: BooleanWords = { true: 'true', false: 'false' };

/**
 * The words a module writes a Boolean a variable gives an entry as: `yes` and `no` for
 * `keywords`; undefined for `ini-sections`, where `true` is written as the bare key.
 */
export function booleanWordsOf(layout: OptionLayout): BooleanWords | undefined {
  return layout === 'keywords' ? YES_NO : undefined;
}

function itemsOf(value: Value): readonly Value[] {
  return value.kind === 'list' ? (value.items ?? []) : [value];
}

function isBooleanTrue(value: Value): boolean {
  return value.kind === 'boolean' && value.value === true;
}

function isBooleanFalse(value: Value): boolean {
  return value.kind === 'boolean' && value.value === false;
}

/**
 * What the module writes for a value, `booleans` as the words it writes them as, and whether it
 * reads a variable; undefined for a value it does not write.
 */
function writtenValue(
  value: Value,
  booleans: BooleanWords,
): { text: string; templated: boolean } | undefined {
  switch (value.kind) {
    case 'boolean':
      return { text: value.value === true ? booleans.true : booleans.false, templated: false };
    case 'number':
      return { text: String(value.value), templated: false };
    case 'null':
      return undefined;
    case 'string': {
      const text = typeof value.value === 'string' ? value.value : '';
      if (text === '') return undefined;
      // Hiera's own interpolation (`%{facts.fqdn}`) is not Puppet's: its value is unknown.
      if (text.includes('%{')) return { text: UNKNOWN, templated: true };
      return { text, templated: value.dynamic };
    }
    case 'call':
      return { text: convertedBoolean(value) ?? UNKNOWN, templated: true };
    case 'reference':
      return value.name
        ? { text: `\${${value.name.replace(/^::/, '')}}`, templated: true }
        : { text: UNKNOWN, templated: true };
    default:
      return { text: UNKNOWN, templated: true };
  }
}

/** A line placed on what gives it: a block's key, or the value of a directive. */
function line(text: string, range: SourceRange, templated: boolean): RenderedLine {
  return { text, conditional: false, templated, rangeOf: () => range };
}

/** stdlib's `bool2str($x, 'yes', 'no')` as Puppet interpolates it; undefined for another call. */
function convertedBoolean(call: Value): string | undefined {
  const [flag, whenTrue, whenFalse] = call.items ?? [];
  if (call.name?.replace(/^::/, '') !== 'bool2str' || call.items?.length !== 3) return undefined;
  if (flag?.kind !== 'reference' || !flag.name) return undefined;
  const words = [whenTrue, whenFalse].map((word) =>
    word?.kind === 'string' && !word.dynamic && typeof word.value === 'string'
      ? word.value
      : undefined,
  );
  if (words.some((word) => word === undefined || /['\\{}]/.test(word))) return undefined;
  return `\${bool2str($${flag.name.replace(/^::/, '')}, '${words[0]}', '${words[1]}')}`;
}
