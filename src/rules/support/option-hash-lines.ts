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
import { optionHashOf, type OptionHash } from '../knowledge/option-hashes.js';

export interface WrittenOptions {
  hash: OptionHash;
  lines: RenderedLine[];
  /** the class declaration that gives the hash; undefined for a Hiera key */
  unit?: Unit;
}

/** An expression whose value is not known: it reads no variable (see `puppet/templates.ts`). */
const UNKNOWN = '${?}';

export function* optionHashesIn(file: FileModel): Generator<WrittenOptions> {
  if (file.language !== 'puppet') return;
  for (const unit of file.units) {
    if (unit.kind !== 'resource' || unit.type !== 'class' || unit.name === undefined) continue;
    for (const attribute of unit.attributes) {
      const hash = optionHashOf(unit.name, attribute.name);
      if (hash && attribute.value.kind === 'map')
        yield { hash, lines: optionLines(attribute.value), unit };
    }
  }
  for (const variable of file.variables) {
    if (variable.scope !== 'hiera' || variable.value.kind !== 'map' || variable.path.length < 2)
      continue;
    const hash = optionHashOf(variable.path.slice(0, -1).join('::'), variable.path.at(-1) ?? '');
    if (hash) yield { hash, lines: optionLines(variable.value) };
  }
}

/** The lines of a hash: its plain keys first, then its blocks, as the module orders them. */
function optionLines(options: Value): RenderedLine[] {
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
  const items = value.kind === 'list' ? (value.items ?? []) : [value];
  return items.flatMap((item) => {
    const written = writtenValue(item);
    return written === undefined
      ? []
      : [line(`${name} ${written.text}`, item.range, written.templated)];
  });
}

/** What the module writes for a value, and whether it reads a variable. */
function writtenValue(value: Value): { text: string; templated: boolean } | undefined {
  switch (value.kind) {
    case 'boolean':
      return { text: value.value === true ? 'yes' : 'no', templated: false };
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
