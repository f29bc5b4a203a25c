import { POLICY_CHANGE } from '../policy/policy-change.js';
import { ruleMetaById } from '../rules/metadata.js';
import type { RuleMeta } from '../rules/rule.js';

/** The metadata of a built-in rule or of the policy-change check; undefined for custom rules. */
export function ruleMeta(ruleId: string): RuleMeta | undefined {
  return ruleId === POLICY_CHANGE.id ? POLICY_CHANGE : ruleMetaById(ruleId);
}
