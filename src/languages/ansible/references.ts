/**
 * How Ansible values read variables: Jinja2 expressions (`{{ selinux_state }}`,
 * `{{ cmds | default('ALL') }}`). An expression that computes something else (`{{ a ~ b }}`, a
 * filter that changes the value) is no reference: its value is unknown.
 */
import type { FoundReference } from '../language.js';

const JINJA_EXPRESSION = /\{\{-?([\s\S]*?)-?\}\}/g;
const JINJA_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\s*(['"])[^'"]+\1\s*\])*$/;
const QUOTED = /^(?:'([^']*)'|"([^"]*)")$/;
/** Filters that keep what a value means. */
const KEEPING_FILTERS = new Set(['string', 'bool', 'int', 'mandatory']);
/** Filters that change the text but not what it says. */
const TEXT_FILTERS = new Set(['lower', 'upper', 'trim']);

export function jinjaReferences(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  for (const match of closedJinja(text).matchAll(JINJA_EXPRESSION)) {
    const read = readJinja(match[1] ?? '');
    const start = match.index ?? 0;
    if (read) found.push({ start, end: start + match[0].length, ...read });
  }
  return found;
}

/**
 * The part of a text in which a `{{ ... }}` expression can end: up to its last `}}`. A lazy
 * `{{ ... }}` pattern finds the same expressions in it, and no longer tries each `{{` after the
 * last `}}` against the whole rest of the text, which costs the square of the text's length
 * when it holds many (a 0.5 MB value of unclosed `{{`: 12 s).
 */
export function closedJinja(text: string): string {
  const last = text.lastIndexOf('}}');
  return last < 0 ? '' : text.slice(0, last + 2);
}

/** `name`, `name.key`, `'literal'`, followed by filters that keep its meaning. */
function readJinja(expression: string): Omit<FoundReference, 'start' | 'end'> | undefined {
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

/** Splits on `|` outside quotes and brackets; most expressions have no filter at all. */
function splitFilters(expression: string): string[] {
  if (!expression.includes('|')) return [expression];
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let partStart = 0;
  for (let index = 0; index < expression.length; index++) {
    const char = expression[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '(' || char === '[') {
      depth++;
    } else if (char === ')' || char === ']') {
      depth--;
    } else if (char === '|' && depth === 0) {
      parts.push(expression.slice(partStart, index));
      partStart = index + 1;
    }
  }
  parts.push(expression.slice(partStart));
  return parts;
}
