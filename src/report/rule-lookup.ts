import { RULES } from '../rules/index.js';
import type { RuleMeta } from '../rules/rule.js';

const META_BY_ID = new Map<string, RuleMeta>(RULES.map((rule) => [rule.meta.id, rule.meta]));

/** The metadata of a registered rule; undefined for an id the registry does not know. */
export function ruleMeta(ruleId: string): RuleMeta | undefined {
  return META_BY_ID.get(ruleId);
}
