/**
 * The configuration lines Ansible's network modules send to a device (`cisco.ios.ios_config`,
 * `cisco.nxos.nxos_config`, `arista.eos.eos_config`, `junipernetworks.junos.junos_config`): each
 * line of `lines` (or its alias `commands`), read with the `parents` it is entered under, so that
 * `encryption des` is known to be in `crypto isakmp policy 10`.
 */
import type { Value } from '../../model/model.js';
import type { ArgumentCheck, OptionPlace, Verdict } from './module-arguments.js';
import { literalText } from './values.js';

/** Modules that push configuration lines to a network device. */
export const CONFIG_LINE_MODULES: readonly string[] = [
  'ios_config',
  'iosxr_config',
  'nxos_config',
  'eos_config',
  'junos_config',
  'asa_config',
  'vyos_config',
];

/** A configuration line as a device reads it: lower case, single spaces. */
export function normalisedLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The `parents` of a task's lines, normalised: the sections they are entered under. */
function parentsOf({ siblings }: OptionPlace): string[] {
  const parents = siblings.find((attribute) => attribute.name === 'parents')?.value;
  if (!parents) return [];
  const items = parents.kind === 'list' ? (parents.items ?? []) : [parents];
  return items
    .map(literalText)
    .filter((text): text is string => text !== undefined)
    .map(normalisedLine);
}

/** What is wrong with one line, given the sections it is under; undefined when it is fine. */
export type LineJudge = (line: string, parents: readonly string[]) => Verdict | undefined;

/** Checks that judge every configuration line a task sends, each reported on its own line. */
export function configLineChecks(judge: LineJudge): ArgumentCheck[] {
  const judgeItem = (value: Value, place: OptionPlace): Verdict | undefined => {
    const text = literalText(value);
    if (text === undefined) return undefined;
    const parents = parentsOf(place);
    for (const line of text.split('\n')) {
      const verdict = judge(normalisedLine(line), parents);
      if (verdict) return verdict;
    }
    return undefined;
  };
  return ['lines', 'commands'].map((option) => ({
    modules: CONFIG_LINE_MODULES,
    path: [option],
    judge: judgeItem,
    eachItem: true,
  }));
}
