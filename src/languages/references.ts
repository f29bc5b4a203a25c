/**
 * The variables a value reads, as definitions name them. A whole reference value reads the
 * variable it names; a string reads the references its language writes in it (each language's
 * descriptor knows how: Jinja2 in Ansible, `$x` in Puppet, `#{node['a']}` in Chef). An
 * expression that computes something else is no reference: its value is unknown.
 */
import { descriptorOf } from './index.js';
import type { Language, Value } from '../model/model.js';
import type { Reference } from './language.js';

/** What each value of a run references: many rules and the variable index ask about the same values. */
const read = new WeakMap<Value, readonly Reference[]>();

const NO_REFERENCES: readonly Reference[] = Object.freeze([]);

/** Every reference in a value; a string's references in order of appearance. */
export function referencesIn(value: Value, language: Language): readonly Reference[] {
  // Most values are literals: they answer at once, and take no room in the table.
  if (!mayReference(value)) return NO_REFERENCES;
  let references = read.get(value);
  if (!references) {
    references = readReferences(value, language);
    read.set(value, references);
  }
  return references;
}

/** A whole reference or call, or a string computed at run time: the values that can read variables. */
function mayReference(value: Value): boolean {
  if (value.kind === 'reference' || value.kind === 'call') return true;
  return value.kind === 'string' && value.dynamic && typeof value.value === 'string';
}

function readReferences(value: Value, language: Language): Reference[] {
  const reading = descriptorOf(language).variables;
  if (value.kind === 'reference' || value.kind === 'call') {
    const name = reading.wholeValueName(value);
    return name === undefined
      ? []
      : [{ start: 0, end: value.text.length, name, transforms: [], whole: true }];
  }
  return referencesInText(value.value as string, language);
}

function referencesInText(text: string, language: Language): Reference[] {
  // A reference that picks one of two literals is never the variable's value, all of it or not.
  return descriptorOf(language)
    .variables.referencesIn(text)
    .map((reference) => ({
      ...reference,
      whole: reference.start === 0 && reference.end === text.length && !reference.choice,
    }));
}

/** The one reference a value is all of (`"{{ sudoers_file }}"`, `$mode`); undefined for any other value. */
export function wholeReference(value: Value, language: Language): Reference | undefined {
  const [only, ...others] = referencesIn(value, language);
  return only?.whole && others.length === 0 ? only : undefined;
}

/** The variable a text reads when one reference is all of it (`${x11}` → `x11`). */
export function wholeReferenceName(text: string, language: Language): string | undefined {
  const [only, ...others] = referencesInText(text, language);
  return only?.whole && others.length === 0 ? only.name : undefined;
}
