/** The blocks and plays around a task: what its `when:`, `become:` and `vars:` come from too. */
import type { FileModel, Unit } from './model.js';
import { encloses } from './ranges.js';

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
