/**
 * How Ansible values read variables: Jinja2 expressions (`{{ selinux_state }}`,
 * `{{ cmds | default('ALL') }}`). An expression that computes something else (`{{ a ~ b }}`, a
 * filter that changes the value) is no reference: its value is unknown.
 */
import type { Choice, FoundReference } from '../language.js';
import { readFlagTest } from '../../parsers/templates/flag-test.js';

const JINJA_EXPRESSION = /\{\{-?([\s\S]*?)-?\}\}/g;
const JINJA_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\s*(['"])[^'"]+\1\s*\])*$/;
const QUOTED = /^(?:'([^']*)'|"([^"]*)")$/;
const BOOLEAN_LITERAL = /^(?:true|false|True|False)$/;
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

type ReadReference = Omit<FoundReference, 'start' | 'end'>;

/**
 * `name`, `name.key`, `'literal'`, `false`, followed by filters that keep its meaning, the last
 * of which may be `ternary` with two literals; or two literals chosen by a test of one name.
 */
function readJinja(expression: string): ReadReference | undefined {
  const trimmed = expression.trim();
  const conditional = readConditional(trimmed);
  if (conditional !== 'not-conditional') return conditional;
  const [base, ...filters] = splitFilters(trimmed);
  const head = base?.trim() ?? '';
  const literal = QUOTED.exec(head);
  // Jinja2's Boolean literals, `{{ false }}`: no variable, the value itself.
  const boolean = BOOLEAN_LITERAL.test(head) ? head.toLowerCase() : undefined;
  const transforms: string[] = [];
  let fallback = literal ? (literal[1] ?? literal[2]) : boolean;
  const fallbackNames: string[] = [];
  let asBool = false;
  let choice: Choice | undefined;
  if (!literal && !boolean && !JINJA_NAME.test(head)) return undefined;
  for (const filter of filters) {
    const call = /^(\w+)\s*(?:\((.*)\))?$/s.exec(filter.trim());
    const filterName = call?.[1];
    // Nothing is known of what a filter after `ternary` makes of the literal it picked.
    if (!filterName || choice) return undefined;
    if (filterName === 'default' || filterName === 'd') {
      const written = (call[2] ?? '').split(',')[0]?.trim() ?? '';
      const argument = QUOTED.exec(written);
      if (fallback !== undefined) continue;
      if (argument) fallback = argument[1] ?? argument[2];
      else if (isVariableName(written)) fallbackNames.push(normalisedName(written));
    } else if (TEXT_FILTERS.has(filterName)) {
      transforms.push(filterName);
    } else if (filterName === 'ternary' && !literal && transforms.length === 0) {
      const picked = twoLiterals(call[2] ?? '');
      if (!picked) return undefined;
      choice = { test: asBool ? 'bool' : 'truth', ...picked };
    } else if (KEEPING_FILTERS.has(filterName)) {
      if (filterName === 'bool') asBool = true;
    } else {
      return undefined;
    }
  }
  const name = literal || boolean ? undefined : normalisedName(head);
  return {
    ...(name ? { name } : {}),
    ...(fallbackNames.length > 0 ? { fallbackNames } : {}),
    ...(fallback !== undefined ? { fallback } : {}),
    transforms,
    ...(choice ? { choice } : {}),
  };
}

/**
 * Names that are no variable in a `default()`: `omit` drops the parameter, the others are
 * Jinja2's literals.
 */
const NOT_VARIABLES: ReadonlySet<string> = new Set([
  'omit',
  'none',
  'None',
  'true',
  'false',
  'True',
  'False',
]);

function isVariableName(written: string): boolean {
  return JINJA_NAME.test(written) && !NOT_VARIABLES.has(written);
}

/** `a['b']` → `a.b`, as definitions name a mapping's keys. */
function normalisedName(written: string): string {
  return written.replace(/\[\s*(['"])([^'"]+)\1\s*\]/g, '.$2');
}

/** `'yes' if (name | bool) else 'no'`, the conditional expression templates set a flag with. */
const CONDITIONAL = /^(?:'([^']*)'|"([^"]*)")\s+if\s+(.+?)\s+else\s+(?:'([^']*)'|"([^"]*)")$/s;

/**
 * Two literals picked by a flag's test; undefined for another condition (a comparison, a
 * test), whose value is not known; `not-conditional` for any other expression.
 */
function readConditional(expression: string): ReadReference | undefined | 'not-conditional' {
  const parts = CONDITIONAL.exec(expression);
  if (!parts) return 'not-conditional';
  const flag = readFlagTest(parts[3] ?? '');
  if (!flag) return undefined;
  const first = parts[1] ?? parts[2] ?? '';
  const second = parts[4] ?? parts[5] ?? '';
  return {
    name: flag.name,
    transforms: [],
    choice: {
      test: flag.test,
      whenTrue: flag.negated ? second : first,
      whenFalse: flag.negated ? first : second,
    },
  };
}

/** `'yes', 'no'`: the two literals of `ternary`; undefined for any other arguments. */
function twoLiterals(argumentList: string): Pick<Choice, 'whenTrue' | 'whenFalse'> | undefined {
  const pair = /^\s*(?:'([^']*)'|"([^"]*)")\s*,\s*(?:'([^']*)'|"([^"]*)")\s*$/.exec(argumentList);
  if (!pair) return undefined;
  return { whenTrue: pair[1] ?? pair[2] ?? '', whenFalse: pair[3] ?? pair[4] ?? '' };
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
