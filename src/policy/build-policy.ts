/**
 * From policy texts to the effective policy: defaults, then the org file, then the
 * repository file. Problems are collected, never thrown: an invalid file does not apply and
 * its errors are reported; a repository's attempt to loosen what the org locked is rejected.
 */
import { defaultPolicy } from './defaults.js';
import { mergePolicies } from './merge-policies.js';
import { parsePolicy, type ParsedPolicy } from './parse-policy.js';
import type { EffectivePolicy, PolicyError } from './types.js';

export interface PolicyText {
  /** what messages call the file: `acme/.github:.security.yml`, `.security.yml` */
  source: string;
  text: string;
}

export interface BuiltPolicy {
  policy: EffectivePolicy;
  errors: PolicyError[];
}

function lineOf(parsed: ParsedPolicy) {
  return parsed.lineOf ? { lineOf: parsed.lineOf } : {};
}

export function buildPolicy({ org, repo }: { org?: PolicyText; repo?: PolicyText }): BuiltPolicy {
  let policy = defaultPolicy();
  const errors: PolicyError[] = [];
  if (org) {
    const parsed = parsePolicy(org.text, org.source, { isOrgPolicy: true });
    errors.push(...parsed.errors);
    if (parsed.policy)
      policy = mergePolicies(policy, parsed.policy, {
        isOrgPolicy: true,
        ...lineOf(parsed),
      }).policy;
  }
  if (repo) {
    const parsed = parsePolicy(repo.text, repo.source, {
      knownCustomRuleIds: policy.customRules.map((rule) => rule.id),
    });
    errors.push(...parsed.errors);
    if (parsed.policy) {
      const merged = mergePolicies(policy, parsed.policy, {
        isOrgPolicy: false,
        ...lineOf(parsed),
      });
      errors.push(...merged.errors);
      policy = merged.policy;
    }
  }
  return { policy, errors };
}
