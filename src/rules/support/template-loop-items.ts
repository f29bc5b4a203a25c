/**
 * The lines a template's loop writes (`TemplateLoop`), written out for each item of the variable
 * it loops over, as each file that sets the variable gives it: `{{ client.auth_method }}`
 * becomes the item's `auth_method`, `{{ key }} = {{ value }}` an entry's key and value. A line
 * is written out for an item only when every expression that reads the loop's names finds a
 * literal in the item, or a literal `default`; the template's own reading keeps the rest.
 */
import type { VariableDefinition } from '../../model/definition.js';
import type { LoopedLine, TemplateLoop, Value } from '../../model/model.js';
import type { RenderedLine } from '../../parsers/templates/render-lines.js';
import type { RuleContext } from '../rule.js';

export interface ItemLine {
  /** the line with the item written in, ready for the format's reader */
  line: RenderedLine;
  /** the item or entry, as a definition where the variable is set */
  item: VariableDefinition;
  /** where the template writes the line */
  usedAt: LoopedLine['range'];
}

/** `{{ code }}`, as Ansible's interpolation writes a Jinja2 expression. */
const EXPRESSION = /\{\{\s*(.*?)\s*\}\}/g;
/** `client.address`, `client['auth_method']`, then what follows (filters). */
const ACCESS = /^([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*|\[\s*(?:'[^']*'|"[^"]*")\s*\])*)\s*(.*)$/;
const FIELD = /\.([A-Za-z_]\w*)|\[\s*(?:'([^']*)'|"([^"]*)")\s*\]/g;
/** `| default('')`, `| d(5432)`: what an absent field is written as. */
const DEFAULT = /^\|\s*(?:default|d)\(\s*('[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)\s*\)$/;

export function itemLines(
  context: Pick<RuleContext, 'resolve' | 'namesUnder'>,
  loop: TemplateLoop,
): ItemLine[] {
  const written: ItemLine[] = [];
  const items =
    loop.over === 'items'
      ? context.resolve(loop.iterable).flatMap((definition) => listItems(loop, definition))
      : mapEntries(context, loop);
  for (const { names, item } of items)
    for (const looped of loop.lines) {
      const text = writtenOut(looped.text, names);
      if (text === undefined) continue;
      written.push({
        line: {
          text,
          conditional: false,
          templated: text.includes('{{'),
          rangeOf: () => looped.range,
        },
        item,
        usedAt: looped.range,
      });
    }
  return written;
}

interface LoopItem {
  /** what each name the loop binds holds for this item */
  names: ReadonlyMap<string, Value>;
  item: VariableDefinition;
}

/** Each item of the list a definition gives. */
function listItems(loop: TemplateLoop, definition: VariableDefinition): LoopItem[] {
  const { value } = definition;
  const [first = ''] = loop.targets;
  if (value.kind !== 'list') return [];
  return (value.items ?? []).map((item, index) => ({
    names: new Map([[first, item]]),
    item: { ...definition, name: `${definition.name}[${index}]`, value: oneLine(item) },
  }));
}

/**
 * Each entry of the mapping the loop walks, as the run indexes a mapping: one name per key
 * (`sysctl_settings.kernel.randomize_va_space`), each set where its file sets it.
 */
function mapEntries(
  context: Pick<RuleContext, 'resolve' | 'namesUnder'>,
  loop: TemplateLoop,
): LoopItem[] {
  const [first = '', second = ''] = loop.targets;
  const prefix = `${loop.iterable}.`;
  return (context.namesUnder?.(prefix) ?? []).flatMap((name) =>
    context.resolve(name).map((item) => {
      const key: Value = {
        kind: 'string',
        value: name.slice(prefix.length),
        text: name.slice(prefix.length),
        dynamic: false,
        range: item.range,
      };
      const names: Map<string, Value> =
        loop.over === 'entries'
          ? new Map([
              [first, key],
              [second, item.value],
            ])
          : new Map([[first, entryMap(key, item.value)]]);
      return { names, item };
    }),
  );
}

/** The line with each expression that reads the loop's names replaced by what it writes. */
function writtenOut(text: string, names: ReadonlyMap<string, Value>): string | undefined {
  let complete = true;
  const result = text.replace(EXPRESSION, (expression, code: string) => {
    const access = ACCESS.exec(code);
    const bound = access?.[1] === undefined ? undefined : names.get(access[1]);
    if (!access || !bound) return expression;
    const fallback = DEFAULT.exec(access[3] ?? '')?.[1];
    if ((access[3] ?? '') !== '' && fallback === undefined) {
      complete = false;
      return expression;
    }
    const field = fieldOf(bound, access[2] ?? '');
    const written = field ? renderedText(field) : fallback?.replace(/^(['"])(.*)\1$/, '$2');
    if (written === undefined) complete = false;
    return written ?? expression;
  });
  return complete ? result : undefined;
}

/** The value a path of fields (`.address`, `['auth_method']`) reaches, if every field is there. */
function fieldOf(value: Value, path: string): Value | undefined {
  let reached: Value | undefined = value;
  for (const match of path.matchAll(FIELD)) {
    const name = match[1] ?? match[2] ?? match[3];
    reached = reached?.entries?.find((entry) => entry.name === name)?.value;
  }
  return reached;
}

/** A literal as Jinja2 writes it (Python's `True`), or undefined for one computed or absent. */
function renderedText(value: Value): string | undefined {
  if (value.dynamic) return undefined;
  if (value.kind === 'string' && typeof value.value === 'string') return value.value;
  if (value.kind === 'number') return value.text.trim();
  if (value.kind === 'boolean') return value.value === true ? 'True' : 'False';
  return undefined;
}

/** An entry as `dict2items` gives it: `{key: ..., value: ...}`. */
function entryMap(key: Value, value: Value): Value {
  return {
    kind: 'map',
    entries: [
      { name: 'key', value: key, range: key.range },
      { name: 'value', value, range: value.range },
    ],
    text: `{key: ${key.text}, value: ${value.text.trim()}}`,
    dynamic: false,
    range: key.range,
  };
}

/** A map item shown on one line, as a message quotes it: `{type: host, auth_method: trust}`. */
function oneLine(item: Value): Value {
  if (item.kind !== 'map') return item;
  const entries = (item.entries ?? []).map((entry) => `${entry.name}: ${entry.value.text.trim()}`);
  return { ...item, text: `{${entries.join(', ')}}` };
}
