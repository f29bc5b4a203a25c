/**
 * The variables a value reads, as definitions name them. A whole reference value reads the
 * variable it names; a string reads the references its language writes in it (each language's
 * descriptor knows how: Jinja2 in Ansible, `$x` in Puppet, `#{node['a']}` in Chef). An
 * expression that computes something else is no reference: its value is unknown.
 */
import { descriptorOf } from './index.js';
import type { Language, Value } from '../model/model.js';

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

/** A reference found in a string, before it is known whether it is all the string is. */
export type FoundReference = Omit<Reference, 'whole'>;

/** What each value of a run references: many rules and the variable index ask about the same values. */
const read = new WeakMap<Value, readonly Reference[]>();

/** Every reference in a value; a string's references in order of appearance. */
export function referencesIn(value: Value, language: Language): readonly Reference[] {
  let references = read.get(value);
  if (!references) {
    references = readReferences(value, language);
    read.set(value, references);
  }
  return references;
}

function readReferences(value: Value, language: Language): Reference[] {
  const reading = descriptorOf(language).variables;
  if (value.kind === 'reference' || value.kind === 'call') {
    const name = reading.wholeValueName(value);
    return name === undefined
      ? []
      : [{ start: 0, end: value.text.length, name, transforms: [], whole: true }];
  }
  if (value.kind !== 'string' || !value.dynamic || typeof value.value !== 'string') return [];
  const text = value.value;
  return reading.referencesIn(text).map((reference) => ({
    ...reference,
    whole: reference.start === 0 && reference.end === text.length,
  }));
}
