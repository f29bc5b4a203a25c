/**
 * A unit's arguments by name, and its keywords (`become`, `no_log`, `ignore_errors`); the
 * blocks and plays around it are `src/model/scopes.ts`'s.
 */
import type { Attribute, Unit } from '../../model/model.js';

/** A unit's argument, property or attribute by name; no name finds none. */
export function attributeOf(unit: Unit, name: string | undefined): Attribute | undefined {
  return unit.attributes.find((candidate) => candidate.name === name);
}

/** The first of `names`, in that order of preference, that the unit sets. */
export function firstAttribute(unit: Unit, names: readonly string[]): Attribute | undefined {
  for (const name of names) {
    const found = attributeOf(unit, name);
    if (found) return found;
  }
  return undefined;
}

/** A unit's keyword by name: play, block and task keywords, as opposed to module arguments. */
export function keywordOf(unit: Unit, name: string): Attribute | undefined {
  return unit.keywords.find((candidate) => candidate.name === name);
}
