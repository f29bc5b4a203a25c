/**
 * The `when:` conditions a task runs under: its own and those of the blocks around it, outer
 * first. Found for every unit of a file in one pass over its units, which come in source order
 * with each block before the tasks inside it, so that a file of many blocks costs its length.
 */
import type { FileModel, Unit, Value } from '../../model/model.js';
import { encloses, keywordOf } from './units.js';

const conditionsByFile = new WeakMap<FileModel, ReadonlyMap<Unit, readonly Value[]>>();

const NONE: readonly Value[] = Object.freeze([]);

export function whenConditionsOf(file: FileModel, unit: Unit): readonly Value[] {
  let conditions = conditionsByFile.get(file);
  if (!conditions) {
    conditions = readConditions(file);
    conditionsByFile.set(file, conditions);
  }
  return conditions.get(unit) ?? NONE;
}

function readConditions(file: FileModel): ReadonlyMap<Unit, readonly Value[]> {
  const conditions = new Map<Unit, readonly Value[]>();
  /** the blocks and plays around the unit being read, outermost first, with their conditions */
  const open: Array<{ unit: Unit; conditions: readonly Value[] }> = [];
  for (const unit of file.units) {
    while (open.length > 0 && !encloses((open.at(-1) as { unit: Unit }).unit.range, unit.range))
      open.pop();
    const around = open.at(-1)?.conditions ?? NONE;
    const own = keywordOf(unit, 'when')?.value;
    const all = own ? [...around, own] : around;
    if (all.length > 0) conditions.set(unit, all);
    if (unit.kind === 'block' || unit.kind === 'play') open.push({ unit, conditions: all });
  }
  return conditions;
}
