/**
 * The rules as a policy sets them: the built-in catalog and the policy's custom rules, each at
 * the severity the policy gives it (its category's setting, then its own), whether it is on,
 * and whether the org locked it. `posture rules` lists these; SARIF describes them.
 */
import type { Severity } from '../model/finding.js';
import { compileCustomRule } from '../policy/custom-rules.js';
import { isEnabled, profilesByDefault } from '../policy/resolve-rules.js';
import type { EffectivePolicy, RuleSetting } from '../policy/types.js';
import type { ReportedRule } from '../report/scan-report.js';
import { ruleDocsUrl } from '../rules/docs-url.js';
import type { RuleMeta } from '../rules/rule.js';

export interface EffectiveRule {
  /** the rule's metadata, at the policy's severity */
  meta: ReportedRule;
  defaultSeverity: Severity;
  /** off only when the policy turns it off and the org did not lock it */
  enabled: boolean;
  locked: boolean;
  /** the policy file that defines a custom rule */
  definedIn?: string;
}

/** @param docsBase where the rule READMEs are published (`RULE_DOCS_URL`), for links; none without it */
export function effectiveRules(
  catalog: readonly RuleMeta[],
  policy: EffectivePolicy,
  docsBase?: string,
): EffectiveRule[] {
  const builtIn = catalog.map((meta) => {
    const docsUrl = ruleDocsUrl(meta.id, docsBase);
    return asSet(policy, { ...meta, ...(docsUrl ? { docsUrl } : {}) });
  });
  const custom = policy.customRules.map((spec) => ({
    ...asSet(policy, compileCustomRule(spec).meta),
    definedIn: spec.source,
  }));
  return [...builtIn, ...custom];
}

function asSet(policy: EffectivePolicy, meta: RuleMeta & { docsUrl?: string }): EffectiveRule {
  const setting: RuleSetting = { ...policy.categories[meta.category], ...policy.rules[meta.id] };
  const locked = policy.locked.has(meta.id) || policy.locked.has(meta.category);
  return {
    meta: { ...meta, severity: setting.severity ?? meta.severity },
    defaultSeverity: meta.severity,
    enabled: locked || isEnabled(setting, profilesByDefault(meta), policy.profile),
    locked,
  };
}
