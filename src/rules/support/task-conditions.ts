/**
 * The `when:` conditions a task runs under: those of the blocks around it, outer first, then its
 * own.
 */
import type { FileModel, Unit, Value } from '../../model/model.js';
import { keywordOf, scopesAround } from './units.js';

export function whenConditionsOf(file: FileModel, unit: Unit): readonly Value[] {
  return [...scopesAround(file, unit), unit].flatMap((scope) => {
    const condition = keywordOf(scope, 'when')?.value;
    return condition ? [condition] : [];
  });
}
