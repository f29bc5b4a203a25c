/**
 * The rules a CLI run chooses among. Choosing them, the policy and the reports need only their
 * metadata; their code is part of the analysis, and a scan asks for it only when it has a file
 * to analyse, so that a start-up does not load the rules for nothing.
 */
import { RULE_METAS } from '../rules/metadata.js';
import type { Rule, RuleMeta } from '../rules/rule.js';

export interface RuleSet {
  metas: readonly RuleMeta[];
  /** the code of the rules with these ids */
  load(ids: ReadonlySet<string>): Promise<Rule[]>;
}

/** Posture's own rules; their code is loaded on the first call to `load`. */
export const BUILT_IN_RULES: RuleSet = {
  metas: RULE_METAS,
  load: async (ids) => withIds((await import('../rules/index.js')).RULES, ids),
};

/** Rules given with their code, as tests give their own. */
export function ruleSetOf(rules: readonly Rule[]): RuleSet {
  return { metas: rules.map((rule) => rule.meta), load: async (ids) => withIds(rules, ids) };
}

function withIds(rules: readonly Rule[], ids: ReadonlySet<string>): Rule[] {
  return rules.filter((rule) => ids.has(rule.meta.id));
}
