/**
 * A pull request that edits `.security.yml` is judged by the policy it started from, and gets a
 * finding of its own that says what the edit would change: rules turned off, severities
 * lowered, thresholds loosened, paths excluded, waivers and suppressions allowed. The edited file
 * is validated too, so a broken policy never reaches the base branch unnoticed.
 */
import { severityRank, type Finding, type Severity } from '../engine/finding.js';
import { riskRank } from '../engine/impact.js';
import { RULES } from '../rules/index.js';
import type { RuleMeta } from '../rules/rule.js';
import { buildPolicy, type PolicyText } from './build-policy.js';
import type { EffectivePolicy, Threshold } from './types.js';
import { formatPolicyError } from './types.js';
import { suppressionStrictness, thresholdStrictness } from './strictness.js';

export const POLICY_CHANGE: RuleMeta = {
  id: 'policy-change',
  title: 'Security policy changed',
  severity: 'high',
  category: 'policy-change',
  languages: ['ansible', 'puppet', 'chef'],
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

export function describePolicyChange(org: PolicyText | undefined, base: PolicyText | undefined, head: PolicyText | undefined): PolicyChange {
  const before = buildPolicy({ ...(org ? { org } : {}), ...(base ? { repo: base } : {}) }).policy;
  const built = buildPolicy({ ...(org ? { org } : {}), ...(head ? { repo: head } : {}) });
  const after = built.policy;
  const change: PolicyChange = { loosened: [], other: [], errors: built.errors.map(formatPolicyError) };
  compareThreshold('fail_on', before.failOn, after.failOn, change);
  compareThreshold('comment_on', before.commentOn, after.commentOn, change);
  for (const rule of RULES) compareRule(rule.meta, before, after, change);
  for (const glob of after.exclude.filter((glob) => !before.exclude.includes(glob))) change.loosened.push(`excludes ${glob} from analysis`);
  for (const glob of before.exclude.filter((glob) => !after.exclude.includes(glob))) change.other.push(`analyses ${glob} again`);
  const newWaivers = after.waivers.filter((waiver) => !before.waivers.some((old) => JSON.stringify(old) === JSON.stringify(waiver)));
  for (const waiver of newWaivers) {
    change.loosened.push(`waives ${waiver.rule ?? waiver.category} on ${waiver.path} until ${waiver.expires} (approved by ${waiver.approved_by}: ${waiver.reason})`);
  }
  if (after.inlineSuppressions !== before.inlineSuppressions) {
    const looser = suppressionStrictness(after.inlineSuppressions) < suppressionStrictness(before.inlineSuppressions);
    const target = looser ? change.loosened : change.other;
    target.push(`inline suppressions: ${before.inlineSuppressions} → ${after.inlineSuppressions}`);
  }
  compareReview(before, after, change);
  if (before.failOnExisting !== after.failOnExisting) {
    (after.failOnExisting ? change.other : change.loosened).push(`fail_on_existing: ${before.failOnExisting} → ${after.failOnExisting}`);
  }
  const addedCustom = after.customRules.filter((rule) => !before.customRules.some((old) => old.id === rule.id));
  const removedCustom = before.customRules.filter((rule) => !after.customRules.some((next) => next.id === rule.id));
  for (const rule of addedCustom) change.other.push(`adds the custom rule ${rule.id}`);
  for (const rule of removedCustom) change.loosened.push(`removes the custom rule ${rule.id}`);
  return change;
}

/** The finding to report on the policy file, or undefined when the edit changes nothing that matters. */
export function policyChangeFinding(path: string, change: PolicyChange): Finding | undefined {
  const parts = [
    ...(change.errors.length > 0 ? [`the edited policy is invalid: ${change.errors.join('; ')}`] : []),
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

function compareThreshold(name: string, before: Threshold, after: Threshold, change: PolicyChange): void {
  if (before === after) return;
  (thresholdStrictness(after) < thresholdStrictness(before) ? change.loosened : change.other).push(`${name}: ${before} → ${after}`);
}

function effective(policy: EffectivePolicy, rule: RuleMeta): { enabled: boolean; severity: Severity; excluded: string[] } {
  const setting = { ...policy.categories[rule.category], ...policy.rules[rule.id] };
  return { enabled: setting.enabled !== false, severity: setting.severity ?? rule.severity, excluded: setting.exclude ?? [] };
}

function compareRule(rule: RuleMeta, before: EffectivePolicy, after: EffectivePolicy, change: PolicyChange): void {
  const old = effective(before, rule);
  const next = effective(after, rule);
  if (old.enabled && !next.enabled) change.loosened.push(`turns ${rule.id} off`);
  if (!old.enabled && next.enabled) change.other.push(`turns ${rule.id} on`);
  if (old.enabled && next.enabled && old.severity !== next.severity) {
    const lowered = severityRank(next.severity) < severityRank(old.severity);
    (lowered ? change.loosened : change.other).push(`${lowered ? 'lowers' : 'raises'} ${rule.id} from ${old.severity} to ${next.severity}`);
  }
  for (const glob of next.excluded.filter((glob) => !old.excluded.includes(glob))) change.loosened.push(`stops ${rule.id} on ${glob}`);
}

/** Who reviews and when: fewer reviewers or fewer conditions send fewer changes to them. */
function compareReview(before: EffectivePolicy, after: EffectivePolicy, change: PolicyChange): void {
  const old = before.review;
  const next = after.review;
  for (const team of old.teams.filter((name) => !next.teams.includes(name))) change.loosened.push(`removes the security reviewer team ${team}`);
  for (const user of old.users.filter((name) => !next.users.includes(name))) change.loosened.push(`removes the security reviewer ${user}`);
  for (const team of next.teams.filter((name) => !old.teams.includes(name))) change.other.push(`adds the security reviewer team ${team}`);
  for (const user of next.users.filter((name) => !old.users.includes(name))) change.other.push(`adds the security reviewer ${user}`);
  if (old.when.risk !== next.when.risk) {
    const looser = next.when.risk === undefined || (old.when.risk !== undefined && riskRank(next.when.risk) > riskRank(old.when.risk));
    (looser ? change.loosened : change.other).push(`routes to security review at risk ${old.when.risk ?? 'never'} → ${next.when.risk ?? 'never'}`);
  }
  for (const [name, oldList, nextList] of [
    ['category', old.when.categories, next.when.categories],
    ['path', old.when.paths, next.when.paths],
    ['surface', old.when.surfaces, next.when.surfaces],
  ] as const) {
    for (const item of oldList.filter((entry) => !(nextList as readonly string[]).includes(entry))) change.loosened.push(`stops routing the ${name} ${item} to security review`);
    for (const item of nextList.filter((entry) => !(oldList as readonly string[]).includes(entry))) change.other.push(`routes the ${name} ${item} to security review`);
  }
  if (old.when.policyChange && !next.when.policyChange) change.loosened.push('stops routing policy changes to security review');
  if (!old.when.policyChange && next.when.policyChange) change.other.push('routes policy changes to security review');
}
