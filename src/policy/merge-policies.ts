/**
 * Layers policies: built-in defaults, then the org policy (which may lock), then the
 * repository policy, which may tighten anything but loosen only what is not locked. A
 * loosening of something locked is rejected with a located error and does not apply.
 */
import { SEVERITIES, severityRank, type Severity } from '../engine/finding.js';
import { riskRank } from '../engine/impact.js';
import { ruleById } from '../rules/index.js';
import type { KeyPath } from './locate.js';
import { suppressionStrictness, thresholdStrictness } from './strictness.js';
import type { EffectivePolicy, PolicyError, PolicyFile, RuleSetting } from './types.js';

export interface MergeResult {
  policy: EffectivePolicy;
  errors: PolicyError[];
}

export interface MergeOptions {
  isOrgPolicy: boolean;
  /** where a key sits in the file, so that rejections carry a line */
  lineOf?: (path: KeyPath) => number | undefined;
}

export function mergePolicies(base: EffectivePolicy, file: PolicyFile, { isOrgPolicy, lineOf }: MergeOptions): MergeResult {
  const policy: EffectivePolicy = structuredClone(base);
  const errors: PolicyError[] = [];
  const reject = (key: string, message: string, path: KeyPath = key.split('.')) => {
    const line = lineOf?.(path);
    errors.push({ source: file.source, key, ...(line ? { line } : {}), message });
  };
  policy.sources.push(file.source);

  if (file.fail_on) {
    if (!isOrgPolicy && policy.lockedSettings.has('fail_on') && thresholdStrictness(file.fail_on) < thresholdStrictness(policy.failOn)) {
      reject('fail_on', `the org policy locks fail_on at ${policy.failOn}; a repository can only make it stricter`);
    } else policy.failOn = file.fail_on;
  }
  if (file.comment_on) {
    if (!isOrgPolicy && policy.lockedSettings.has('comment_on') && thresholdStrictness(file.comment_on) < thresholdStrictness(policy.commentOn)) {
      reject('comment_on', `the org policy locks comment_on at ${policy.commentOn}; a repository can only make it stricter`);
    } else policy.commentOn = file.comment_on;
  }
  if (file.inline_suppressions) {
    const looser = suppressionStrictness(file.inline_suppressions) < suppressionStrictness(policy.inlineSuppressions);
    if (!isOrgPolicy && policy.lockedSettings.has('inline_suppressions') && looser) {
      reject('inline_suppressions', `the org policy locks inline_suppressions at ${policy.inlineSuppressions}`);
    } else policy.inlineSuppressions = file.inline_suppressions;
  }
  if (file.fail_on_existing !== undefined) {
    if (!isOrgPolicy && policy.lockedSettings.has('fail_on_existing') && policy.failOnExisting && !file.fail_on_existing) {
      reject('fail_on_existing', 'the org policy locks fail_on_existing at true; a repository cannot turn it off');
    } else policy.failOnExisting = file.fail_on_existing;
  }
  if (file.comments?.context_lines !== undefined) policy.comments.contextLines = file.comments.context_lines;
  if (file.comments?.outside_diff !== undefined) policy.comments.outsideDiff = file.comments.outside_diff;
  if (file.review) mergeReview(policy, file, !isOrgPolicy && policy.lockedSettings.has('review'), reject);
  if (!isOrgPolicy && file.review?.when && policy.review.teams.length + policy.review.users.length === 0) {
    reject('review.when', 'routes pull requests to security reviewers but none are named; add review.teams or review.users');
  }
  policy.include.push(...(file.paths?.include ?? []));
  policy.exclude.push(...(file.paths?.exclude ?? []));
  for (const [language, globs] of Object.entries(file.paths?.languages ?? {})) {
    const key = language as keyof EffectivePolicy['languageGlobs'];
    policy.languageGlobs[key] = [...(policy.languageGlobs[key] ?? []), ...globs];
  }

  for (const [table, target] of [
    ['rules', policy.rules],
    ['categories', policy.categories],
  ] as const) {
    for (const [name, setting] of Object.entries(file[table] ?? {})) {
      target[name] = mergeSetting(target[name], isOrgPolicy ? setting : checkLocked(policy, name, setting, (message) => reject(`${table}.${name}`, message, [table, name])));
    }
  }

  for (const [index, waiver] of (file.waivers ?? []).entries()) {
    const lockedKey = [waiver.rule, waiver.category, waiver.rule ? ruleById(waiver.rule)?.meta.category : undefined].find(
      (key): key is string => key !== undefined && policy.locked.has(key),
    );
    if (!isOrgPolicy && lockedKey) reject(`waivers[${index}]`, `${lockedKey} is locked by the org policy; only the org can waive it`, ['waivers', index]);
    else policy.waivers.push(waiver);
  }
  policy.customRules.push(...(file.custom_rules ?? []));

  if (isOrgPolicy) {
    for (const name of file.locked?.rules ?? []) policy.locked.set(name, lockedFloor(policy, name));
    for (const setting of file.locked?.settings ?? []) policy.lockedSettings.add(setting);
  }
  return { policy, errors };
}

/**
 * Layers a `review:` section. Unlocked, what a file sets replaces what came before. Locked by
 * the org, a repository may add conditions (more paths, categories, surfaces, a lower risk
 * level), which only route more pull requests, but may not change who the reviewers are: a
 * repository that could name its own reviewers could approve its own changes.
 */
function mergeReview(policy: EffectivePolicy, file: PolicyFile, locked: boolean, reject: (key: string, message: string) => void): void {
  const review = policy.review;
  const { teams, users, when = {} } = file.review ?? {};
  for (const [key, wanted] of [
    ['teams', teams],
    ['users', users],
  ] as const) {
    if (wanted === undefined) continue;
    const current = review[key];
    if (locked && current.length > 0 && !sameMembers(wanted, current)) {
      reject(`review.${key}`, 'the org policy locks review; a repository cannot change who the security reviewers are');
      continue;
    }
    review[key] = [...wanted];
    review.source = file.source;
  }
  if (when.risk) {
    if (locked && review.when.risk && riskRank(when.risk) > riskRank(review.when.risk)) {
      reject('review.when.risk', `the org policy locks review at risk ${review.when.risk}; a repository can only lower it`);
    } else review.when.risk = when.risk;
  }
  for (const key of ['categories', 'paths', 'surfaces'] as const) {
    const added = when[key];
    if (added === undefined) continue;
    // Locked conditions can only grow.
    (review.when[key] as string[]) = locked ? [...new Set([...review.when[key], ...added])] : [...added];
  }
  if (when.policy_change !== undefined) {
    if (locked && review.when.policyChange && !when.policy_change) {
      reject('review.when.policy_change', 'the org policy locks review; a repository cannot stop routing policy changes');
    } else review.when.policyChange = when.policy_change;
  }
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const lower = (list: readonly string[]) => [...new Set(list.map((item) => item.toLowerCase()))].sort().join('\n');
  return lower(a) === lower(b);
}

/** What a repository setting may keep of itself when the rule or category is locked. */
function checkLocked(policy: EffectivePolicy, name: string, setting: RuleSetting, reject: (message: string) => void): RuleSetting {
  const lockKey = policy.locked.has(name) ? name : lockedCategoryOf(policy, name);
  if (!lockKey) return setting;
  const floor = policy.locked.get(lockKey) ?? ruleById(name)?.meta.severity;
  const kept: RuleSetting = { ...setting };
  if (setting.enabled === false) {
    reject(`${name} is locked by the org policy; a repository cannot turn it off`);
    delete kept.enabled;
  }
  if (setting.severity && floor && severityRank(setting.severity) < severityRank(floor)) {
    reject(`${name} is locked by the org policy at ${floor}; a repository cannot lower it to ${setting.severity}`);
    delete kept.severity;
  }
  if (setting.exclude?.length || setting.include?.length) {
    reject(`${name} is locked by the org policy; a repository cannot narrow the paths it applies to`);
    delete kept.exclude;
    delete kept.include;
  }
  return kept;
}

function lockedCategoryOf(policy: EffectivePolicy, ruleId: string): string | undefined {
  const category = ruleById(ruleId)?.meta.category ?? policy.customRules.find((rule) => rule.id === ruleId)?.category;
  return category && policy.locked.has(category) ? category : undefined;
}

/** The severity a locked rule or category may not go below: the org's setting, else the rule's own. */
function lockedFloor(policy: EffectivePolicy, name: string): Severity | undefined {
  const configured = policy.rules[name]?.severity ?? policy.categories[name]?.severity;
  if (configured) return configured;
  const own = ruleById(name)?.meta.severity ?? policy.customRules.find((rule) => rule.id === name)?.severity;
  return own && (SEVERITIES as readonly string[]).includes(own) ? own : undefined;
}

function mergeSetting(base: RuleSetting | undefined, override: RuleSetting): RuleSetting {
  return { ...base, ...override, options: { ...base?.options, ...override.options } };
}
