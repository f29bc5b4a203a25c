/**
 * Reading model values the way a security reviewer does: is this a literal someone typed,
 * or something computed, looked up or encrypted at run time?
 */
import type { Language, Unit, Value } from '../../model/model.js';
import { REMOVAL } from '../knowledge/settings.js';
import { attributeOf } from './units.js';

/** The text of a literal scalar (string, number or boolean); undefined for anything computed. */
export function literalText(value: Value): string | undefined {
  if (value.dynamic) return undefined;
  if (value.kind === 'string') return typeof value.value === 'string' ? value.value : undefined;
  if (value.kind === 'number' || value.kind === 'boolean') return String(value.value);
  return undefined;
}

/** Any string in the value, literal or templated: URLs and commands matter either way. */
export function stringText(value: Value): string | undefined {
  return value.kind === 'string' && typeof value.value === 'string' ? value.value : undefined;
}

const FALSE_WORDS = new Set(['false', 'no', 'off', '0', 'n', 'disabled', 'disable']);
const TRUE_WORDS = new Set(['true', 'yes', 'on', '1', 'y', 'enabled', 'enable']);

/** `false`, `no`, `'no'`, `0`, `:false`: a literal that turns a setting off. */
export function isFalse(value: Value): boolean {
  if (value.dynamic) return false;
  if (value.kind === 'boolean') return value.value === false;
  const text = literalText(value)?.trim().toLowerCase().replace(/^:/, '');
  return text !== undefined && FALSE_WORDS.has(text);
}

export function isTrue(value: Value): boolean {
  if (value.dynamic) return false;
  if (value.kind === 'boolean') return value.value === true;
  const text = literalText(value)?.trim().toLowerCase().replace(/^:/, '');
  return text !== undefined && TRUE_WORDS.has(text);
}

/** The strings a value holds itself: a string, or the strings of a (nested) list. Map entries are assignments of their own. */
export function ownStrings(value: Value): (Value & { value: string })[] {
  if (value.kind === 'string' && typeof value.value === 'string')
    return [value as Value & { value: string }];
  if (value.kind !== 'list') return [];
  const strings: (Value & { value: string })[] = [];
  for (const item of value.items ?? []) strings.push(...ownStrings(item));
  return strings;
}

/**
 * Whether a task or resource removes what it names (`state: absent`, `ensure => absent`,
 * `action :remove`): its other attributes then configure nothing that stays. A Chef action
 * list counts when every action in it removes. Rules ask once per argument of a unit, so the
 * answer is kept per unit: a task with thousands of arguments would otherwise cost the square.
 */
export function removesResource(unit: Unit, language: Language): boolean {
  let answers = removalByUnit.get(unit);
  if (!answers) removalByUnit.set(unit, (answers = {}));
  return (answers[language] ??= readRemoval(unit, language));
}

const removalByUnit = new WeakMap<Unit, Partial<Record<Language, boolean>>>();

function readRemoval(unit: Unit, language: Language): boolean {
  const removal = REMOVAL[language];
  if (!removal) return false;
  const { attribute, values } = removal;
  const value = attributeOf(unit, attribute)?.value;
  if (!value) return false;
  const words = value.kind === 'list' ? (value.items ?? []).map(literalText) : [literalText(value)];
  return (
    words.length > 0 &&
    words.every(
      (word) => word !== undefined && values.includes(word.toLowerCase().replace(/^:/, '')),
    )
  );
}

/** The literal words of a value, lower case: a scalar, or the items of a list (`action [:stop, :disable]`). */
export function literalWords(value: Value): string[] {
  const values = value.kind === 'list' ? (value.items ?? []) : [value];
  return values
    .map((item) => literalText(item)?.toLowerCase().replace(/^:/, ''))
    .filter((word): word is string => word !== undefined);
}
