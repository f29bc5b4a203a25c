/**
 * The iterations of an Ansible task that loops, each as the task with its `item` (or the name
 * `loop_control.loop_var` gives it) written out in the task's arguments:
 *
 * - over a list the task writes (`loop:`, `with_items:`, `with_list:`): an item's field is its
 *   literal, on the item's own line; over a mapping it writes (`with_dict:`), each entry as
 *   `item.key` and `item.value`;
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
import type { Attribute, FlagGuard, Unit, Value } from '../../model/model.js';
import type { RuleContext, VariableDefinition } from '../rule.js';
import { passes } from './truth.js';
import { literalText } from './values.js';

/** What a loop hands the task each time round. */
type Item =
  /** a list entry the task writes, or a variable (`list`): a scalar, or a mapping of fields */
  | { kind: 'written'; value: Value; list?: { definition: VariableDefinition; index: number } }
  /** a key of a mapping a variable holds (`source`), and the reference to its value */
  | { kind: 'key'; key: string; source: string; reference: string };

const LIST_LOOPS = new Set(['loop', 'with_items', 'with_list']);

/** Whether a task loops over a list (`loop:`, `with_items:`, `with_list:`). */
export function loopsOverList(unit: Unit): boolean {
  return unit.keywords.some((keyword) => LIST_LOOPS.has(keyword.name));
}

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
  /** what the loop hands the task this time round, under the name `loopVar` */
  item: Item;
  loopVar: string;
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
  const loopVar = loopVarOf(unit);
  const references = itemReferences(loopVar);
  return items.map((item) => {
    const attributes = unit.attributes.map((attribute) => withItem(attribute, item, references));
    const iteration: Iteration = { unit: { ...unit, attributes }, item, loopVar };
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

/**
 * The task once for each item written in its loop (`loop: [...]` in the task itself), with the
 * item in its arguments; the task as written when it loops over no items written in it.
 */
export function eachWrittenItem(
  context: Pick<RuleContext, 'resolve' | 'namesUnder'>,
  unit: Unit,
): Unit[] {
  const written = (loopIterations(context, unit) ?? []).filter((iteration) => !iteration.givenBy);
  return written.length > 0 ? written.map((iteration) => iteration.unit) : [unit];
}

/**
 * The task once for each item of its loop, written in the task or held by a variable (then with
 * the definitions its arguments take from the item, `givenBy`); the task as written when its
 * items are not known.
 */
export function eachItem(
  context: Pick<RuleContext, 'resolve' | 'namesUnder'>,
  unit: Unit,
): Pick<Iteration, 'unit' | 'givenBy'>[] {
  const iterations = loopIterations(context, unit) ?? [];
  return iterations.length > 0 ? iterations : [{ unit }];
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
  // `with_dict:` over a mapping the task writes: each entry as `{key, value}`.
  if (name === 'with_dict' && value.kind === 'map')
    return (value.entries ?? []).map((entry) => ({
      kind: 'written',
      value: {
        kind: 'map',
        text: entry.name,
        dynamic: false,
        range: entry.range,
        entries: [
          {
            name: 'key',
            value: textValue(entry.name, false, { range: entry.range }),
            range: entry.range,
          },
          { name: 'value', value: entry.value, range: entry.range },
        ],
      },
    }));
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
    if (source) items.push({ kind: 'key', key, source, reference: `${source}['${key}']` });
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

function textValue(text: string, dynamic: boolean, at: Pick<Value, 'range'>): Value {
  return { kind: 'string', value: text, text, dynamic, range: at.range };
}

/**
 * The flags a `when:` tests, as they stand for one time round the loop, where Ansible evaluates
 * the condition afresh for each item (`when: item.enabled`). A test of the item or one of its
 * fields is answered by the item's literal: dropped where it holds, and `'skipped'` where it
 * fails, for the task does nothing with that item; a field that is one whole variable
 * (`enabled: "{{ kata_enabled }}"`, a mapping key's value) becomes a test of that variable.
 * Undefined where a test of the item cannot be answered (a field the loop computes).
 */
export function guardsOfIteration(
  guards: readonly FlagGuard[],
  iteration: Pick<Iteration, 'item' | 'loopVar'>,
): readonly FlagGuard[] | 'skipped' | undefined {
  const read: FlagGuard[] = [];
  for (const guard of guards) {
    const field = itemField(guard.name, iteration.loopVar);
    if (field === undefined) {
      read.push(guard);
      continue;
    }
    const tested = testedValue(iteration.item, field);
    if (tested === undefined) return undefined;
    if ('variable' in tested) {
      read.push({ ...guard, name: tested.variable });
      continue;
    }
    // A field the item lacks is undefined: only `is defined` can test it without an error.
    const answer = tested.value
      ? passes(guard.test, tested.value)
      : guard.test === 'defined'
        ? false
        : undefined;
    if (answer === undefined) return undefined;
    if (answer !== guard.when) return 'skipped';
  }
  return read;
}

/** `''` for the item itself, the field's name for `item.enabled`; undefined for another name. */
function itemField(name: string, loopVar: string): string | undefined {
  if (name === loopVar) return '';
  if (!name.startsWith(`${loopVar}.`)) return undefined;
  const field = name.slice(loopVar.length + 1);
  return /^[A-Za-z_]\w*$/.test(field) ? field : undefined;
}

/**
 * What a test of the item's `field` reads: a literal (`value`), nothing for a field a mapping
 * item lacks, the one variable the field is, or undefined where it is none of these.
 */
function testedValue(
  item: Item,
  field: string,
): { value?: Value } | { variable: string } | undefined {
  if (item.kind === 'key') {
    if (field === 'key') return { value: keyValue(item.key) };
    if (field !== 'value' || !/^[A-Za-z_]\w*$/.test(item.key)) return undefined;
    return { variable: `${item.source}.${item.key}` };
  }
  const value =
    field === '' ? item.value : item.value.entries?.find((entry) => entry.name === field)?.value;
  if (value === undefined) return item.value.kind === 'map' ? {} : undefined;
  if (!value.dynamic) return { value };
  const variable =
    value.kind === 'string' ? WHOLE_VARIABLE.exec(String(value.value ?? ''))?.[1] : undefined;
  return variable === undefined ? undefined : { variable };
}

/** `{{ kata_enabled }}`: a field that is one variable, dotted for a key of a mapping. */
const WHOLE_VARIABLE = /^\s*\{\{\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\}\}\s*$/;

/** A mapping's key as the string value a test reads; tested, never reported, so placed nowhere. */
function keyValue(key: string): Value {
  return {
    kind: 'string',
    value: key,
    text: key,
    dynamic: false,
    range: { line: 0, column: 0, endLine: 0, endColumn: 0 },
  };
}

/**
 * What a reference to a task's loop item (`item`, `item.port`, `item['port']`, with the loop's
 * own name for `item`) takes, one definition per item: an item written in the task, on its own
 * line; an item of a list a variable holds, on its line in the file that sets the variable
 * (`allowed_ports[1].port`). Empty where the name is not the task's item, or its items are not
 * known.
 */
export function loopItemDefinitions(
  context: Pick<RuleContext, 'file' | 'resolve'>,
  unit: Unit,
  name: string,
): VariableDefinition[] {
  const loopVar = loopVarOf(unit);
  if (name !== loopVar && !name.startsWith(`${loopVar}.`)) return [];
  const field = name === loopVar ? undefined : name.slice(loopVar.length + 1);
  if (field?.includes('.')) return [];
  const loop = unit.keywords.find((keyword) => LIST_LOOPS.has(keyword.name));
  const items = loop && itemsOf({ resolve: context.resolve }, loop);
  const definitions: VariableDefinition[] = [];
  for (const item of items ?? []) {
    if (item.kind !== 'written') continue;
    const value =
      field === undefined
        ? item.value
        : item.value.entries?.find((entry) => entry.name === field)?.value;
    if (!value || value.kind === 'map') continue;
    const suffix = field === undefined ? '' : `.${field}`;
    definitions.push(
      item.list
        ? {
            ...item.list.definition,
            name: `${item.list.definition.name}[${item.list.index}]${suffix}`,
            value,
            range: value.range,
          }
        : { name, value, path: context.file.path, range: value.range, origin: 'task-vars' },
    );
  }
  return definitions;
}
