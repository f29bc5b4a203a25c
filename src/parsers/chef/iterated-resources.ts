/**
 * Resources a recipe declares in a loop over a hash, one per entry, the entry's key as the name
 * and its value as one property: `node['base']['sysctl'].each do |key, value| sysctl key do
 * value value end end`, or the same over a hash written in the loop. Over a written hash, each
 * entry becomes the resource written out, on the entry's line; over node attributes, the loop
 * is recorded for the engine, which reads the entries where the attribute files set them
 * (`engine/hash-declarations.ts`).
 */
import type { Attribute, HashDeclaration, SourceRange, Unit, Value } from '../../model/model.js';
import { encloses } from '../../model/ranges.js';
import { field, meaningfulChildren, rangeOf, type SyntaxIndex, type SyntaxNode } from './syntax.js';
import type { RubyValues } from './values.js';

const LOOPS = new Set(['each', 'each_pair']);

/**
 * Replaces, in `units`, each resource a loop over a written hash declares with one resource per
 * entry, and returns the loops over node attributes.
 */
export function readIteratedResources(
  index: SyntaxIndex,
  units: Unit[],
  values: RubyValues,
): HashDeclaration[] {
  const blockLoops = blockLoopsIn(index);
  nameListItems(blockLoops, units, values);
  const loops = hashLoops(blockLoops);
  if (loops.length === 0) return [];
  const declarations: HashDeclaration[] = [];
  const replaced = new Map<Unit, Unit[]>();
  for (const { unit, loop, takes } of iteratedUnits(units, loops)) {
    const hash = values.value(loop.receiver);
    if (hash.kind === 'map')
      replaced.set(
        unit,
        (hash.entries ?? []).map((entry) => entryResource(unit, takes, entry)),
      );
    else if (hash.kind === 'reference' && hash.name?.startsWith('node.'))
      declarations.push({
        type: unit.type,
        typeAsWritten: unit.typeAsWritten,
        typeRange: unit.typeRange,
        hashName: hash.name,
        separator: '.',
        defaults: unit.attributes.filter(
          (attribute) => attribute.name !== 'name' && attribute.name !== takes,
        ),
        valueAttribute: takes,
        usedAs: `as ${/^[aeiou]/.test(unit.type) ? 'an' : 'a'} \`${unit.type}\` resource that \`${loop.method}\` declares`,
        range: unit.range,
      });
  }
  if (replaced.size > 0)
    units.splice(0, units.length, ...units.flatMap((unit) => replaced.get(unit) ?? [unit]));
  return declarations;
}

/**
 * `%w(firewalld iptables).each do |svc| service svc do ... end end`: a resource a loop over a
 * written list names by its one block parameter is named by every item of the list, as a Puppet
 * resource with several titles is, so that rules judge it by each name; a property given the
 * parameter (`port port`) is every item too.
 */
function nameListItems(blockLoops: readonly BlockLoop[], units: Unit[], values: RubyValues): void {
  const loops: Array<{ name: string; list: Value; range: SourceRange }> = [];
  for (const { method, receiver, parameters, range } of blockLoops) {
    const [name, ...others] = parameters;
    if (method !== 'each' || !name || others.length > 0) continue;
    const list = values.value(receiver);
    if (list.kind === 'list' && (list.items ?? []).every((item) => !item.dynamic))
      loops.push({ name, list, range });
  }
  if (loops.length === 0) return;
  units.forEach((unit, position) => {
    if (unit.kind !== 'resource') return;
    const around = loops.filter((candidate) => encloses(candidate.range, unit.range));
    const listFor = (value: Value): Value | undefined =>
      value.kind === 'reference'
        ? around.findLast((candidate) => candidate.name === value.name)?.list
        : undefined;
    if (!unit.attributes.some((attribute) => listFor(attribute.value))) return;
    units[position] = {
      ...unit,
      attributes: unit.attributes.map((attribute) => {
        const list = listFor(attribute.value);
        return list ? { ...attribute, value: list } : attribute;
      }),
    };
  });
}

/** A loop over a hash whose block takes the key and the value. */
interface HashLoop {
  method: string;
  receiver: SyntaxNode;
  key: string;
  value: string;
  range: SourceRange;
}

/** A call of `each` or `each_pair` with a block, and the names its block takes. */
interface BlockLoop {
  method: string;
  receiver: SyntaxNode;
  parameters: string[];
  range: SourceRange;
}

/** The loops with a block a recipe writes, read once for both kinds of loop. */
function blockLoopsIn(index: SyntaxIndex): BlockLoop[] {
  const loops: BlockLoop[] = [];
  for (const call of index.of('call')) {
    const method = field(call, 'method');
    const receiver = field(call, 'receiver');
    const block = field(call, 'block');
    if (!method || !LOOPS.has(method.text) || !receiver || !block) continue;
    const parameters = blockParameters(block);
    if (parameters.length > 0)
      loops.push({ method: method.text, receiver, parameters, range: rangeOf(call) });
  }
  return loops;
}

/** The loops whose block takes a key and a value. */
function hashLoops(blockLoops: readonly BlockLoop[]): HashLoop[] {
  return blockLoops.flatMap(({ method, receiver, parameters, range }) => {
    const [key, value, ...others] = parameters;
    return key && value && others.length === 0 ? [{ method, receiver, key, value, range }] : [];
  });
}

/**
 * The resources named by a loop's key that give one property the loop's value, each with the
 * innermost such loop around it. One pass over the loops and the resources in source order:
 * the loops open around a resource are those still open when it starts.
 */
function* iteratedUnits(
  units: readonly Unit[],
  loops: readonly HashLoop[],
): Generator<{ unit: Unit; loop: HashLoop; takes: string }> {
  const named = units
    .filter((unit) => unit.kind === 'resource' && nameReference(unit) !== undefined)
    .sort((a, b) => startsBefore(a.range, b.range));
  const open: HashLoop[] = [];
  let next = 0;
  for (const unit of named) {
    while (next < loops.length && startsBefore((loops[next] as HashLoop).range, unit.range) <= 0)
      open.push(loops[next++] as HashLoop);
    const enclosing = open.filter((loop) => encloses(loop.range, unit.range));
    open.splice(0, open.length, ...enclosing);
    const loop = enclosing.findLast((candidate) => candidate.key === nameReference(unit));
    const takes = loop && entryTaker(unit, loop.key, loop.value);
    if (loop && takes) yield { unit, loop, takes };
  }
}

/** Which of two ranges starts first: negative for `a`. */
function startsBefore(a: SourceRange, b: SourceRange): number {
  return a.line - b.line || a.column - b.column;
}

/** The variable a resource's name is, where it is one (`sysctl key do`). */
function nameReference(unit: Unit): string | undefined {
  const named = unit.attributes.find((attribute) => attribute.name === 'name')?.value;
  return named?.kind === 'reference' ? named.name : undefined;
}

/** `|key, value|`: the names a block takes, each a plain identifier; none for other forms. */
function blockParameters(block: SyntaxNode): string[] {
  const parameters = field(block, 'parameters');
  if (!parameters) return [];
  const names = meaningfulChildren(parameters);
  return names.every((name) => name.type === 'identifier') ? names.map((name) => name.text) : [];
}

/**
 * The property a resource named by the loop's key gives the loop's value to
 * (`sysctl key do value value end`); undefined for any other resource.
 */
function entryTaker(unit: Unit, key: string, value: string): string | undefined {
  const named = unit.attributes.find((attribute) => attribute.name === 'name');
  if (named?.value.kind !== 'reference' || named.value.name !== key) return undefined;
  const taking = unit.attributes.filter(
    (attribute) => attribute.value.kind === 'reference' && attribute.value.name === value,
  );
  return taking.length === 1 ? taking[0]?.name : undefined;
}

/** The resource one entry of a written hash declares, on the entry's line. */
function entryResource(unit: Unit, takes: string, entry: Attribute): Unit {
  const name: Attribute = {
    name: 'name',
    value: {
      kind: 'string',
      value: entry.name,
      text: entry.name,
      dynamic: false,
      range: entry.range,
    },
    range: entry.range,
  };
  return {
    ...unit,
    name: entry.name,
    attributes: unit.attributes.map((attribute) =>
      attribute.name === 'name'
        ? name
        : attribute.name === takes
          ? { ...attribute, value: entry.value, range: entry.range }
          : attribute,
    ),
    range: {
      ...entry.range,
      endLine: entry.value.range.endLine,
      endColumn: entry.value.range.endColumn,
    },
  };
}
