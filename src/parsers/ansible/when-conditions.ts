/**
 * The `when:` conditions a task runs under, and the flags that decide them where Posture reads
 * them: `when: ssh_lab | bool`, `when: not ssh_keys_only`, `when: mode == 'lab'`, joined by
 * `and`, beside tests that only pick hosts (`ansible_os_family == 'Debian'`).
 */
import type { FileModel, FlagGuard, Unit, Value } from '../../model/model.js';
import { scopesAround } from '../../model/scopes.js';
import { readConditionAlternatives, readConditionParts } from '../templates/condition-parts.js';
import type { FlagTest } from '../templates/flag-test.js';

/** The conditions of the blocks and play around a task, outer first, then its own. */
export function whenConditionsOf(file: FileModel, unit: Unit): readonly Value[] {
  return [...scopesAround(file, unit), unit].flatMap((scope) => {
    const condition = scope.keywords.find((keyword) => keyword.name === 'when')?.value;
    return condition ? [condition] : [];
  });
}

/**
 * What each flag the conditions test must answer for them to hold: none where they only pick
 * hosts, by their facts or by what a task of the file registered about them (on those hosts the
 * task always runs); undefined where a condition is not read as flags and host tests
 * (`when: ssh_root_login is not defined`, `or`).
 */
export function whenGuards(
  conditions: readonly Value[],
  registered?: ReadonlySet<string>,
): FlagGuard[] | undefined {
  const guards: FlagGuard[] = [];
  for (const item of conditionItems(conditions)) {
    const parts =
      item.kind === 'string' ? readConditionParts(String(item.value ?? ''), registered) : undefined;
    if (!parts) return undefined;
    guards.push(...parts.flags.map(guardOfFlag));
  }
  return guards;
}

/** Each condition a `when:` joins: the items of a list, or the one condition. */
function conditionItems(conditions: readonly Value[]): Value[] {
  return conditions.flatMap((condition) =>
    condition.kind === 'list' ? (condition.items ?? []) : [condition],
  );
}

/** What a flag the condition tests must answer for it to hold. */
function guardOfFlag(flag: FlagTest): FlagGuard {
  return { name: flag.name, test: flag.test, when: !flag.negated };
}

/** Conditions joined by `or` into more ways to run than this are not read. */
const MAX_ALTERNATIVES = 16;

/**
 * The ways the conditions can hold, each as `whenGuards` gives one: a condition with `or` at its
 * top (`when: ssh_lab | bool or ssh_legacy | bool`) holds where any of its parts does, so a task
 * under it runs where any way's flags answer as it needs (or on any host, for a way that only
 * picks hosts). Undefined where any part is not read as flags and host tests.
 */
export function whenAlternatives(
  conditions: readonly Value[],
  registered?: ReadonlySet<string>,
): FlagGuard[][] | undefined {
  // Runs of conditions with one way each are gathered first and joined with the others' ways
  // once at the end, so that a `when:` list of thousands of flags is not copied per item.
  const segments: FlagGuard[][][] = [];
  let count = 1;
  let run: FlagGuard[] | undefined;
  for (const item of conditionItems(conditions)) {
    const alternatives =
      item.kind === 'string'
        ? readConditionAlternatives(String(item.value ?? ''), registered)
        : undefined;
    if (!alternatives) return undefined;
    const [only] = alternatives;
    if (only && alternatives.length === 1) {
      if (!run) segments.push([(run = [])]);
      run.push(...only.flags.map(guardOfFlag));
      continue;
    }
    count *= alternatives.length;
    if (count > MAX_ALTERNATIVES) return undefined;
    segments.push(alternatives.map((parts) => parts.flags.map(guardOfFlag)));
    run = undefined;
  }
  let ways: FlagGuard[][] = [[]];
  for (const options of segments)
    ways = ways.flatMap((way) => options.map((option) => [...way, ...option]));
  return ways;
}

const registeredByFile = new WeakMap<FileModel, ReadonlySet<string>>();

/**
 * The names the file's tasks register their results under (`register: sshd_check`): what a
 * task found on the host, which a later task's `when:` may test as it tests the host's facts.
 */
export function registeredNames(file: FileModel): ReadonlySet<string> {
  let names = registeredByFile.get(file);
  if (!names) {
    const found = new Set<string>();
    for (const unit of file.units)
      for (const keyword of unit.keywords)
        if (keyword.name === 'register' && typeof keyword.value.value === 'string')
          found.add(keyword.value.value.trim());
    names = found;
    registeredByFile.set(file, names);
  }
  return names;
}

/**
 * The names a condition of `file` may test as registered results: its own tasks' and, where the
 * run knows them, those any task of the run registers (`inRun`): a result a role's `main.yml`
 * or another role registers is on the host when a task file it includes, or a later role, tests
 * it, and what a task found on the host is never an option somebody sets.
 */
export function registeredFor(
  file: FileModel,
  inRun: ReadonlySet<string> | undefined,
): ReadonlySet<string> {
  const own = registeredNames(file);
  if (!inRun || own.size === 0) return inRun ?? own;
  for (const name of own) if (!inRun.has(name)) return new Set([...inRun, ...own]);
  return inRun;
}
