/**
 * The `when:` conditions a task runs under, and the flags that decide them where Posture reads
 * them: `when: ssh_lab | bool`, `when: not ssh_keys_only`, `when: mode == 'lab'`, joined by
 * `and`, beside tests that only pick hosts (`ansible_os_family == 'Debian'`).
 */
import type { FileModel, FlagGuard, Unit, Value } from '../../model/model.js';
import { scopesAround } from '../../model/scopes.js';
import { readConditionParts } from '../templates/condition-parts.js';

/** The conditions of the blocks and play around a task, outer first, then its own. */
export function whenConditionsOf(file: FileModel, unit: Unit): readonly Value[] {
  return [...scopesAround(file, unit), unit].flatMap((scope) => {
    const condition = scope.keywords.find((keyword) => keyword.name === 'when')?.value;
    return condition ? [condition] : [];
  });
}

/**
 * What each flag the conditions test must answer for them to hold: none where they only pick
 * hosts (on those hosts the task always runs); undefined where a condition is not read as
 * flags and host tests (`when: result.rc != 0`, `or`).
 */
export function whenGuards(conditions: readonly Value[]): FlagGuard[] | undefined {
  const guards: FlagGuard[] = [];
  for (const condition of conditions)
    for (const item of condition.kind === 'list' ? (condition.items ?? []) : [condition]) {
      const parts =
        item.kind === 'string' ? readConditionParts(String(item.value ?? '')) : undefined;
      if (!parts) return undefined;
      for (const flag of parts.flags)
        guards.push({ name: flag.name, test: flag.test, when: !flag.negated });
    }
  return guards;
}
