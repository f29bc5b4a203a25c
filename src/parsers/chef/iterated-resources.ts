/**
 * Resources a recipe declares in a loop over a hash, one per entry, the entry's key as the name
 * and its value as one property: `node['base']['sysctl'].each do |key, value| sysctl key do
 * value value end end`, or the same over a hash written in the loop. Over a written hash, each
 * entry becomes the resource written out, on the entry's line; over node attributes, the loop
 * is recorded for the engine, which reads the entries where the attribute files set them
 * (`engine/hash-declarations.ts`).
 */
import type { Attribute, HashDeclaration, Unit } from '../../model/model.js';
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
  const declarations: HashDeclaration[] = [];
  for (const call of index.of('call')) {
    const method = field(call, 'method');
    const receiver = field(call, 'receiver');
    const block = field(call, 'block');
    if (!method || !LOOPS.has(method.text) || !receiver || !block) continue;
    const [key, value, ...others] = blockParameters(block);
    if (!key || !value || others.length > 0) continue;
    const hash = values.value(receiver);
    const loop = rangeOf(call);
    for (let position = 0; position < units.length; position++) {
      const unit = units[position] as Unit;
      if (unit.kind !== 'resource' || !encloses(loop, unit.range)) continue;
      const takes = entryTaker(unit, key, value);
      if (!takes) continue;
      if (hash.kind === 'map') {
        const declared = (hash.entries ?? []).map((entry) => entryResource(unit, takes, entry));
        units.splice(position, 1, ...declared);
        position += declared.length - 1;
      } else if (hash.kind === 'reference' && hash.name?.startsWith('node.'))
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
          usedAs: `as ${/^[aeiou]/.test(unit.type) ? 'an' : 'a'} \`${unit.type}\` resource that \`${method.text}\` declares`,
          range: unit.range,
        });
    }
  }
  return declarations;
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
