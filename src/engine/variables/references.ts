/**
 * The variables a value reads, as definitions name them: Jinja2 expressions in Ansible
 * (`{{ selinux_state }}`, `{{ cmds | default('ALL') }}`), `$x` and `${x}` in Puppet, node
 * attributes, properties and locals in Chef (`node['app']['mode']`, `new_resource.bind`,
 * `"#{node['a']['b']}"`). An expression that computes something else (`{{ a ~ b }}`, a filter
 * that changes the value, a method call) is no reference: its value is unknown.
 */
import type { Language, Value } from '../model.js';

export interface Reference {
  /** where it is written in the value's string, or the whole value for a reference value */
  start: number;
  end: number;
  /** the variable it reads; undefined for a literal written in the expression (`{{ 'ALL' }}`) */
  name?: string;
  /** the literal it gives when the variable has no definition (`default('ALL')`), or the literal it is */
  fallback?: string;
  /** filters that change the text of what the variable holds (`lower`, `upper`, `trim`) */
  transforms: readonly string[];
  /** the reference is all the value is */
  whole: boolean;
}

/** Every reference in a value; a string's references in order of appearance. */
export function referencesIn(value: Value, language: Language): Reference[] {
  if (value.kind === 'reference' || value.kind === 'call') {
    const name = wholeValueName(value, language);
    return name === undefined
      ? []
      : [{ start: 0, end: value.text.length, name, transforms: [], whole: true }];
  }
  if (value.kind !== 'string' || !value.dynamic || typeof value.value !== 'string') return [];
  const text = value.value;
  const found =
    language === 'ansible'
      ? jinjaReferences(text)
      : language === 'puppet'
        ? puppetReferences(text)
        : rubyReferences(text);
  return found.map((reference) => ({
    ...reference,
    whole: reference.start === 0 && reference.end === text.length,
  }));
}

/** The name a reference or call value reads, when it is a plain variable. */
function wholeValueName(value: Value, language: Language): string | undefined {
  const name = value.name;
  if (!name) return undefined;
  if (language === 'puppet') {
    if (value.kind === 'call') return undefined;
    return value.text.includes('[') ? undefined : name.replace(/^::/, '');
  }
  if (language === 'chef') {
    if (value.kind === 'call') return /^(new_resource\.)?[a-z_]\w*$/.test(name) ? name : undefined;
    return /^(node(\.[\w-]+)+|[a-z_]\w*)$/.test(name) ? name : undefined;
  }
  return undefined;
}

type Found = Omit<Reference, 'whole'>;

const JINJA_EXPRESSION = /\{\{-?([\s\S]*?)-?\}\}/g;
const JINJA_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\s*(['"])[^'"]+\1\s*\])*$/;
const QUOTED = /^(?:'([^']*)'|"([^"]*)")$/;
/** Filters that keep what a value means. */
const KEEPING_FILTERS = new Set(['string', 'bool', 'int', 'mandatory']);
/** Filters that change the text but not what it says. */
const TEXT_FILTERS = new Set(['lower', 'upper', 'trim']);

function jinjaReferences(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(JINJA_EXPRESSION)) {
    const read = readJinja(match[1] ?? '');
    const start = match.index ?? 0;
    if (read) found.push({ start, end: start + match[0].length, ...read });
  }
  return found;
}

/** `name`, `name.key`, `'literal'`, followed by filters that keep its meaning. */
function readJinja(expression: string): Omit<Found, 'start' | 'end'> | undefined {
  const [base, ...filters] = splitFilters(expression.trim());
  const head = base?.trim() ?? '';
  const literal = QUOTED.exec(head);
  const transforms: string[] = [];
  let fallback = literal ? (literal[1] ?? literal[2]) : undefined;
  if (!literal && !JINJA_NAME.test(head)) return undefined;
  for (const filter of filters) {
    const call = /^(\w+)\s*(?:\((.*)\))?$/s.exec(filter.trim());
    const filterName = call?.[1];
    if (!filterName) return undefined;
    if (filterName === 'default' || filterName === 'd') {
      const argument = QUOTED.exec((call[2] ?? '').split(',')[0]?.trim() ?? '');
      if (argument && fallback === undefined) fallback = argument[1] ?? argument[2];
    } else if (TEXT_FILTERS.has(filterName)) {
      transforms.push(filterName);
    } else if (!KEEPING_FILTERS.has(filterName)) {
      return undefined;
    }
  }
  const name = literal ? undefined : head.replace(/\[\s*(['"])([^'"]+)\1\s*\]/g, '.$2');
  return { ...(name ? { name } : {}), ...(fallback !== undefined ? { fallback } : {}), transforms };
}

/** Splits on `|` outside quotes and brackets. */
function splitFilters(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const char of expression) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '(' || char === '[') {
      depth++;
    } else if (char === ')' || char === ']') {
      depth--;
    } else if (char === '|' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

const PUPPET_INTERPOLATION = /\$\{(::)?([a-z_]\w*(?:::\w+)*)\}|\$(::)?([a-z_]\w*(?:::\w+)*)/g;

function puppetReferences(text: string): Found[] {
  return [...text.matchAll(PUPPET_INTERPOLATION)].map((match) => {
    const start = match.index ?? 0;
    return {
      start,
      end: start + match[0].length,
      name: (match[2] ?? match[4] ?? '').replace(/^::/, ''),
      transforms: [],
    };
  });
}

const RUBY_INTERPOLATION =
  /#\{\s*(node((?:\[\s*['":]?[\w-]+['"]?\s*\])+)|new_resource\.\w+|[a-z_]\w*)\s*\}/g;

function rubyReferences(text: string): Found[] {
  return [...text.matchAll(RUBY_INTERPOLATION)].map((match) => {
    const start = match.index ?? 0;
    const keys = match[2];
    const name = keys
      ? `node${keys.replace(/\[\s*['":]?([\w-]+)['"]?\s*\]/g, '.$1')}`
      : (match[1] ?? '');
    return { start, end: start + match[0].length, name, transforms: [] };
  });
}
