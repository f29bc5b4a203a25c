/**
 * The iterations of an Ansible task that loops, each as the task with its `item` (or the name
 * `loop_control.loop_var` gives it) written out in the task's arguments:
 *
 * - over a list the task writes (`loop:`, `with_items:`, `with_list:`): an item's field is its
 *   literal, on the item's own line;
 * - over a list a variable holds (`loop: "{{ sysctl_settings }}"`): the same, on the item's line
 *   in the file that sets the variable, which the iteration names (`givenBy`);
 * - over the keys of mappings the variables hold (`with_dict: "{{ sysctl_config }}"`,
 *   `loop: "{{ ssh_options | dict2items }}"`, several joined by `combine`, each key's value
 *   taken from the last that sets it): `item.key` is the key, and `item.value` a reference to
 *   that key, so that the value is followed to the line that sets it.
 *
 * Undefined where the task does not loop, or its items are not known (the output of an earlier
 * task, a list computed by filters).
 */
import type { Attribute, Unit, Value } from '../../model/model.js';
import type { RuleContext, VariableDefinition } from '../rule.js';
import { literalText } from './values.js';

/** What a loop hands the task each time round. */
type Item =
  /** a list entry the task writes, or a variable (`list`): a scalar, or a mapping of fields */
  | { kind: 'written'; value: Value; list?: { definition: VariableDefinition; index: number } }
  /** a key of a mapping a variable holds, and the reference to its value */
  | { kind: 'key'; key: string; reference: string };

const LIST_LOOPS = new Set(['loop', 'with_items', 'with_list']);

/** How a task's arguments name the item: anywhere in them, and as all of one. */
interface ItemReferences {
  anywhere: RegExp;
  whole: RegExp;
}

/** `{{ item }}`, `{{ item.value }}`, `{{ item['value'] }}`, with the loop's own name for `item`. */
function itemReferences(loopVar: string): ItemReferences {
  const reference = String.raw`\{\{\s*${loopVar}(?:\.([A-Za-z_]\w*)|\[\s*(['"])([^'"]+)\2\s*\])?\s*\}\}`;
  return { anywhere: new RegExp(reference, 'g'), whole: new RegExp(`^${reference}$`) };
}

/** The task as one time round the loop runs it. */
export interface Iteration {
  unit: Unit;
  /**
   * For an item of a list a variable holds: the definitions its arguments take their values
   * from, by argument name (`sysctl_settings[1].value`, on that item's line).
   */
  givenBy?: ReadonlyMap<string, VariableDefinition>;
}

export function loopIterations(
  context: Pick<RuleContext, 'resolve' | 'namesUnder'>,
  unit: Unit,
): Iteration[] | undefined {
  const loop = unit.keywords.find(
    (keyword) => LIST_LOOPS.has(keyword.name) || keyword.name === 'with_dict',
  );
  if (!loop) return undefined;
  const items = itemsOf(context, loop);
  if (!items) return undefined;
  const references = itemReferences(loopVarOf(unit));
  return items.map((item) => {
    const attributes = unit.attributes.map((attribute) => withItem(attribute, item, references));
    const iteration: Iteration = { unit: { ...unit, attributes } };
    if (item.kind !== 'written' || !item.list) return iteration;
    const { definition, index } = item.list;
    const givenBy = new Map<string, VariableDefinition>();
    attributes.forEach((attribute, position) => {
      if (attribute === unit.attributes[position]) return;
      const field = attribute.value.range === item.value.range ? '' : fieldNameIn(item, attribute);
      givenBy.set(attribute.name, {
        ...definition,
        name: `${definition.name}[${index}]${field}`,
        value: attribute.value,
        range: attribute.value.range,
      });
    });
    return { ...iteration, givenBy };
  });
}

/** `.value` for an argument that is the item's `value` field as it stands. */
function fieldNameIn(item: { value: Value }, attribute: Attribute): string {
  const entry = item.value.entries?.find((candidate) => candidate.value === attribute.value);
  return entry ? `.${entry.name}` : '';
}

/** `loop_control: { loop_var: host }` names the item `host`; `item` otherwise. */
function loopVarOf(unit: Unit): string {
  const control = unit.keywords.find((keyword) => keyword.name === 'loop_control')?.value;
  const named = control?.entries?.find((entry) => entry.name === 'loop_var')?.value;
  const name = named ? literalText(named) : undefined;
  return name && /^[A-Za-z_]\w*$/.test(name) ? name : 'item';
}

function itemsOf(
  context: Pick<RuleContext, 'resolve' | 'namesUnder'>,
  loop: Attribute,
): Item[] | undefined {
  const { name, value } = loop;
  if (value.kind === 'list') {
    if (name === 'with_dict') return undefined;
    return entriesOf(value, name === 'with_items').map((entry) => ({
      kind: 'written',
      value: entry,
    }));
  }
  const expression = /^\s*\{\{(.*)\}\}\s*$/s.exec(String(value.value ?? ''))?.[1];
  if (expression === undefined || value.kind !== 'string') return undefined;
  const listName = /^\s*([A-Za-z_]\w*)\s*$/.exec(expression)?.[1];
  if (listName !== undefined && name !== 'with_dict')
    return listedItems(context.resolve(listName), name === 'with_items');
  if (!context.namesUnder) return undefined;
  const dict =
    name === 'with_dict' ? expression : /^(.*)\|\s*dict2items\s*$/s.exec(expression)?.[1];
  const sources = dict === undefined ? undefined : combinedNames(dict);
  return sources && mappingKeys(context, sources, context.namesUnder);
}

/** A list's entries; `with_items` flattens a list of lists by one level. */
function entriesOf(list: Value, flatten: boolean): Value[] {
  const entries = list.items ?? [];
  return flatten
    ? entries.flatMap((entry) => (entry.kind === 'list' ? (entry.items ?? []) : [entry]))
    : entries;
}

/** The items of the lists the definitions of a variable give it; undefined where none is a list. */
function listedItems(
  definitions: readonly VariableDefinition[],
  flatten: boolean,
): Item[] | undefined {
  const items: Item[] = [];
  for (const definition of definitions) {
    if (definition.value.kind !== 'list' || definition.value.dynamic) continue;
    entriesOf(definition.value, flatten).forEach((value, index) =>
      items.push({ kind: 'written', value, list: { definition, index } }),
    );
  }
  return items.length > 0 ? items : undefined;
}

/**
 * The variables a `combine` chain joins, in order (`(a | combine(b | default({}))) |
 * combine(c)` joins `a`, `b`, `c`); undefined for any other expression.
 */
function combinedNames(expression: string): string[] | undefined {
  const tokens = expression.match(/(?:default|d)\(\s*\{\s*\}\s*\)|[A-Za-z_]\w*|\S/g) ?? [];
  const names: string[] = [];
  let afterBar = false;
  for (const token of tokens) {
    if (token === '(' || token === ')') continue;
    if (token === '|') afterBar = true;
    else if (afterBar) {
      // After a bar comes `combine(...)`, or `default({})` for a mapping nothing may set.
      if (token !== 'combine' && !DEFAULT_EMPTY.test(token)) return undefined;
      afterBar = false;
    } else if (NAME.test(token) && !DEFAULT_EMPTY.test(token)) names.push(token);
    else return undefined;
  }
  return names.length > 0 && !afterBar ? names : undefined;
}

const NAME = /^[A-Za-z_]\w*$/;
const DEFAULT_EMPTY = /^(?:default|d)\(/;

/** The keys the mappings hold, each with its value from the last mapping that sets it. */
function mappingKeys(
  context: Pick<RuleContext, 'resolve'>,
  sources: readonly string[],
  namesUnder: (prefix: string) => readonly string[],
): Item[] {
  const keys = new Set<string>();
  for (const source of sources)
    for (const name of namesUnder(`${source}.`)) keys.add(name.slice(source.length + 1));
  const items: Item[] = [];
  for (const key of keys) {
    if (/['"]/.test(key)) continue;
    const source = sources.findLast((name) => context.resolve(`${name}.${key}`).length > 0);
    if (source) items.push({ kind: 'key', key, reference: `${source}['${key}']` });
  }
  return items;
}

/** The attribute with the item written in for each reference to it; as it was where none can be. */
function withItem(attribute: Attribute, item: Item, references: ItemReferences): Attribute {
  const { value } = attribute;
  if (value.kind !== 'string' || typeof value.value !== 'string') return attribute;
  const text = value.value;
  const whole = references.whole.exec(text);
  if (whole) {
    const field = fieldOf(item, whole[1] ?? whole[3], value);
    return field ? { ...attribute, value: field } : attribute;
  }
  let unknown = false;
  const written = text.replace(
    references.anywhere,
    (_match, dotted?: string, _quote?: string, quoted?: string) => {
      const field = fieldOf(item, dotted ?? quoted, value);
      const fieldText = field && (field.dynamic ? field.text : literalText(field));
      if (fieldText === undefined) unknown = true;
      return fieldText ?? '';
    },
  );
  if (unknown || written === text) return attribute;
  return {
    ...attribute,
    value: {
      kind: 'string',
      value: written,
      text: written,
      dynamic: /\{\{|\{%/.test(written),
      range: item.kind === 'written' ? item.value.range : value.range,
    },
  };
}

/**
 * The value of the item, or of one of its fields: a written scalar or field as it stands, a
 * mapping key as a literal, its value as a reference; undefined where the item has no such
 * field, or it is not a scalar.
 */
function fieldOf(item: Item, field: string | undefined, written: Value): Value | undefined {
  if (item.kind === 'key') {
    if (field === 'key') return textValue(item.key, false, written);
    if (field === 'value') return textValue(`{{ ${item.reference} }}`, true, written);
    return undefined;
  }
  const found =
    field === undefined
      ? item.value
      : item.value.entries?.find((entry) => entry.name === field)?.value;
  return found && found.kind !== 'map' && found.kind !== 'list' ? found : undefined;
}

function textValue(text: string, dynamic: boolean, at: Value): Value {
  return { kind: 'string', value: text, text, dynamic, range: at.range };
}
