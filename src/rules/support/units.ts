/**
 * Where units sit in their file (the blocks and plays around them), their arguments by name,
 * and their keywords (`become`, `no_log`, `ignore_errors`).
 */
import type { Attribute, FileModel, Unit } from '../../model/model.js';
import { encloses } from '../../model/ranges.js';

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

const scopesByFile = new WeakMap<FileModel, ReadonlyMap<Unit, readonly Unit[]>>();

const NO_SCOPES: readonly Unit[] = Object.freeze([]);

/**
 * The blocks and plays around a unit, outermost first. Found for every unit of a file in one
 * pass over its units, which come in source order with each block or play before what it
 * holds, so that a file of many blocks costs its length.
 */
export function scopesAround(file: FileModel, unit: Unit): readonly Unit[] {
  let scopes = scopesByFile.get(file);
  if (!scopes) {
    scopes = readScopes(file);
    scopesByFile.set(file, scopes);
  }
  return scopes.get(unit) ?? NO_SCOPES;
}

function readScopes(file: FileModel): ReadonlyMap<Unit, readonly Unit[]> {
  const scopes = new Map<Unit, readonly Unit[]>();
  /** the blocks and plays around the unit being read, outermost first */
  let open: readonly Unit[] = NO_SCOPES;
  for (const unit of file.units) {
    let depth = open.length;
    while (depth > 0 && !encloses((open[depth - 1] as Unit).range, unit.range)) depth--;
    if (depth < open.length) open = open.slice(0, depth);
    if (open.length > 0) scopes.set(unit, open);
    if (unit.kind === 'block' || unit.kind === 'play') open = [...open, unit];
  }
  return scopes;
}
