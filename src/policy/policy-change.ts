/**
 * A pull request that edits `.security.yml` is judged by the policy it started from, and gets a
 * finding of its own that says what the edit would change, key by key (`key-comparators.ts`):
 * rules turned off, severities lowered, thresholds loosened, paths excluded or narrowed,
 * languages remapped, waivers and suppressions allowed. The edited file is validated too, so a
 * broken policy never reaches the base branch unnoticed.
 */
import { LANGUAGES } from '../model/model.js';
import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../rules/rule.js';
import { buildPolicy, type PolicyText } from './build-policy.js';
import { comparePolicies } from './key-comparators.js';
import { formatPolicyError } from './types.js';

export const POLICY_CHANGE: RuleMeta = {
  id: 'policy-change',
  title: 'Security policy changed',
  severity: 'high',
  category: 'policy-change',
  languages: [...LANGUAGES],
  description:
    'The pull request edits the security policy that reviews it. The edit is not applied to this review (Posture reads the policy from the base branch), and what it would loosen is listed so that it gets a deliberate decision.',
  remediation:
    'Have the security team review the policy edit. Prefer a waiver with a reason and an expiry date over turning a rule off, and tighten rather than loosen.',
  cwe: 'CWE-284',
};

export interface PolicyChange {
  /** what the edit loosens, one sentence each */
  loosened: string[];
  /** what it tightens or otherwise changes */
  other: string[];
  /** validation errors of the edited file */
  errors: string[];
}

export function describePolicyChange(
  org: PolicyText | undefined,
  base: PolicyText | undefined,
  head: PolicyText | undefined,
): PolicyChange {
  const before = buildPolicy({ ...(org ? { org } : {}), ...(base ? { repo: base } : {}) }).policy;
  const built = buildPolicy({ ...(org ? { org } : {}), ...(head ? { repo: head } : {}) });
  return { ...comparePolicies(before, built.policy), errors: built.errors.map(formatPolicyError) };
}

/** The finding to report on the policy file, or undefined when the edit changes nothing that matters. */
export function policyChangeFinding(path: string, change: PolicyChange): Finding | undefined {
  const parts = [
    ...(change.errors.length > 0
      ? [`the edited policy is invalid: ${change.errors.join('; ')}`]
      : []),
    ...(change.loosened.length > 0 ? [`it loosens the policy: ${change.loosened.join('; ')}`] : []),
    ...(change.other.length > 0 ? [`it also ${change.other.join('; ')}`] : []),
  ];
  if (parts.length === 0) return undefined;
  const weakens = change.errors.length > 0 || change.loosened.length > 0;
  return {
    ruleId: POLICY_CHANGE.id,
    category: POLICY_CHANGE.category,
    severity: weakens ? POLICY_CHANGE.severity : 'low',
    path,
    range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    message: `This pull request changes the security policy; this review still uses the policy of the base branch. ${capitalise(parts.join('. '))}.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
