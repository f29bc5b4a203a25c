/**
 * `--rule` and `--skip-rule`: which rules a scan runs, named by id or by category, among the
 * built-in rules and the policy's custom rules. A name that matches nothing is a usage error
 * with a "did you mean", never a filter that silently selects nothing. An opt-in rule named by
 * its id in `--rule` runs: naming it is turning it on.
 */
import { withSuggestion } from '../policy/did-you-mean.js';
import type { EffectivePolicy } from '../policy/types.js';
import type { RuleMeta } from '../rules/rule.js';
import { UsageError } from './usage-error.js';

export interface RuleSelection {
  /** the built-in rules to run */
  rules: RuleMeta[];
  /** the policy, with only the selected custom rules */
  policy: EffectivePolicy;
}

export interface RuleNames {
  /** run only these ids or categories; every rule when empty */
  only: readonly string[];
  /** never run these ids or categories */
  skip: readonly string[];
}

export function selectRules(
  catalog: readonly RuleMeta[],
  policy: EffectivePolicy,
  names: RuleNames,
): RuleSelection {
  const known = new Set([
    ...catalog.flatMap((meta) => [meta.id, meta.category]),
    ...policy.customRules.flatMap((rule) => [rule.id, rule.category]),
  ]);
  checkNames('--rule', names.only, known);
  checkNames('--skip-rule', names.skip, known);
  const selected = ({ id, category }: { id: string; category: string }) =>
    (names.only.length === 0 || names.only.includes(id) || names.only.includes(category)) &&
    !names.skip.includes(id) &&
    !names.skip.includes(category);
  const namedOptIn = catalog.filter((meta) => meta.optIn && names.only.includes(meta.id));
  const turnedOn = Object.fromEntries(
    namedOptIn.map((meta) => [meta.id, { ...policy.rules[meta.id], enabled: true }]),
  );
  return {
    rules: catalog.filter(selected),
    policy: {
      ...policy,
      rules: { ...policy.rules, ...turnedOn },
      customRules: policy.customRules.filter(selected),
    },
  };
}

function checkNames(flag: string, names: readonly string[], known: ReadonlySet<string>): void {
  for (const name of names) {
    if (!known.has(name))
      throw new UsageError(
        withSuggestion(`${flag}: no rule or category is named ${name}`, name, known) +
          '; `posture rules` lists them',
      );
  }
}
