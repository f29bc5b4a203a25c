/**
 * Layers policies: built-in defaults, then the org policy (which may lock), then the
 * repository policy, which may tighten anything but loosen only what is not locked. A
 * loosening of something locked is rejected with a located error and does not apply.
 */
import { SEVERITIES, severityRank, type Severity } from '../model/finding.js';
import { ruleMetaById } from '../rules/metadata.js';
import { KEY_COMPARATORS } from './key-comparators.js';
import { optionsOf, widenedOptions } from './rule-comparison.js';
import type { KeyPath } from './locate.js';
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

export function mergePolicies(
  base: EffectivePolicy,
  file: PolicyFile,
  { isOrgPolicy, lineOf }: MergeOptions,
): MergeResult {
  const policy: EffectivePolicy = structuredClone(base);
  const errors: PolicyError[] = [];
  const reject = (key: string, message: string, path: KeyPath = key.split('.')) => {
    const line = lineOf?.(path);
    errors.push({ source: file.source, key, ...(line ? { line } : {}), message });
  };
  policy.sources.push(file.source);

  applySettings(policy, file, !isOrgPolicy && policy.lockedSettings.has('review'));
  if (!isOrgPolicy) keepLockedSettings(base, policy, reject);
  if (
    !isOrgPolicy &&
    file.review?.when &&
    policy.review.teams.length + policy.review.users.length === 0
  ) {
    reject(
      'review.when',
      'routes pull requests to security reviewers but none are named; add review.teams or review.users',
    );
  }
  policy.include.push(...(file.paths?.include ?? []));
  policy.exclude.push(...(file.paths?.exclude ?? []));
  for (const [language, globs] of Object.entries(file.paths?.languages ?? {})) {
    const key = language as keyof EffectivePolicy['languageGlobs'];
    policy.languageGlobs[key] = [...(policy.languageGlobs[key] ?? []), ...globs];
  }
  if (isOrgPolicy) policy.orgLanguageGlobs = structuredClone(policy.languageGlobs);

  for (const [table, target] of [
    ['rules', policy.rules],
    ['categories', policy.categories],
  ] as const) {
    for (const [name, setting] of Object.entries(file[table] ?? {})) {
      target[name] = mergeSetting(
        target[name],
        isOrgPolicy
          ? setting
          : checkLocked(policy, name, setting, (message) =>
              reject(`${table}.${name}`, message, [table, name]),
            ),
      );
    }
  }

  for (const [index, waiver] of (file.waivers ?? []).entries()) {
    const lockedKey = [
      waiver.rule,
      waiver.category,
      waiver.rule ? ruleMetaById(waiver.rule)?.category : undefined,
    ].find((key): key is string => key !== undefined && policy.locked.has(key));
    if (!isOrgPolicy && lockedKey)
      reject(
        `waivers[${index}]`,
        `${lockedKey} is locked by the org policy; only the org can waive it`,
        ['waivers', index],
      );
    else policy.waivers.push(waiver);
  }
  policy.customRules.push(...(file.custom_rules ?? []));

  if (isOrgPolicy) {
    for (const name of file.locked?.rules ?? []) policy.locked.set(name, lockedFloor(policy, name));
    for (const setting of file.locked?.settings ?? []) policy.lockedSettings.add(setting);
  }
  return { policy, errors };
}

/** The settings a file sets, over the ones before it; locks are checked afterwards. */
function applySettings(policy: EffectivePolicy, file: PolicyFile, reviewLocked: boolean): void {
  if (file.fail_on) policy.failOn = file.fail_on;
  if (file.comment_on) policy.commentOn = file.comment_on;
  if (file.inline_suppressions) policy.inlineSuppressions = file.inline_suppressions;
  if (file.fail_on_existing !== undefined) policy.failOnExisting = file.fail_on_existing;
  if (file.on_unanalysable) policy.onUnanalysable = file.on_unanalysable;
  if (file.on_error) policy.onError = file.on_error;
  if (file.profile) policy.profile = file.profile;
  if (file.test_code) policy.testCode = file.test_code;
  if (file.comments?.context_lines !== undefined)
    policy.comments.contextLines = file.comments.context_lines;
  if (file.comments?.outside_diff !== undefined)
    policy.comments.outsideDiff = file.comments.outside_diff;
  if (file.review) applyReview(policy, file, reviewLocked);
}

/**
 * A setting the org locked, which the repository's file loosens (or, for a pinned setting,
 * changes at all), goes back to the org's value, and the file gets a located error; how each
 * key loosens is the registry's to say.
 */
function keepLockedSettings(
  org: EffectivePolicy,
  policy: EffectivePolicy,
  reject: (key: string, message: string) => void,
): void {
  for (const { keys, compare, lock } of KEY_COMPARATORS) {
    if (!lock || !org.lockedSettings.has(lock.setting)) continue;
    const shift = compare(org, policy);
    if (shift.loosened.length === 0 && !(lock.pinned && shift.other.length > 0)) continue;
    reject(keys[0] ?? lock.setting, lock.refusal(org));
    lock.restore(policy, org);
  }
}

/**
 * Layers a `review:` section: what a file sets replaces what came before, except that under
 * the org's lock the conditions (paths, categories, surfaces) a repository names are added to
 * the org's, which only routes more pull requests.
 */
function applyReview(policy: EffectivePolicy, file: PolicyFile, locked: boolean): void {
  const review = policy.review;
  const { teams, users, when = {} } = file.review ?? {};
  for (const [key, wanted] of [
    ['teams', teams],
    ['users', users],
  ] as const) {
    if (wanted === undefined) continue;
    review[key] = [...wanted];
    review.source = file.source;
  }
  if (when.risk) review.when.risk = when.risk;
  for (const key of ['categories', 'paths', 'surfaces'] as const) {
    const added = when[key];
    if (added === undefined) continue;
    (review.when[key] as string[]) = locked
      ? [...new Set([...review.when[key], ...added])]
      : [...added];
  }
  if (when.policy_change !== undefined) review.when.policyChange = when.policy_change;
}

/** What a repository setting may keep of itself when the rule or category is locked. */
function checkLocked(
  policy: EffectivePolicy,
  name: string,
  setting: RuleSetting,
  reject: (message: string) => void,
): RuleSetting {
  const lockKey = policy.locked.has(name) ? name : lockedCategoryOf(policy, name);
  if (!lockKey) return setting;
  const floor = policy.locked.get(lockKey) ?? ruleMetaById(name)?.severity;
  const kept: RuleSetting = { ...setting };
  if (setting.enabled === false) {
    reject(`${name} is locked by the org policy; a repository cannot turn it off`);
    delete kept.enabled;
  }
  if (setting.severity && floor && severityRank(setting.severity) < severityRank(floor)) {
    reject(
      `${name} is locked by the org policy at ${floor}; a repository cannot lower it to ${setting.severity}`,
    );
    delete kept.severity;
  }
  if (setting.exclude?.length || setting.include?.length) {
    reject(
      `${name} is locked by the org policy; a repository cannot narrow the paths it applies to`,
    );
    delete kept.exclude;
    delete kept.include;
  }
  const widened = setting.options ? widenedOptions(optionsOf(policy, name), setting.options) : [];
  if (widened.length > 0) {
    reject(
      `${name} is locked by the org policy; a repository cannot add exceptions to its ${widened.join(', ')}`,
    );
    delete kept.options;
  }
  return kept;
}

function lockedCategoryOf(policy: EffectivePolicy, ruleId: string): string | undefined {
  const category =
    ruleMetaById(ruleId)?.category ??
    policy.customRules.find((rule) => rule.id === ruleId)?.category;
  return category && policy.locked.has(category) ? category : undefined;
}

/** The severity a locked rule or category may not go below: the org's setting, else the rule's own. */
function lockedFloor(policy: EffectivePolicy, name: string): Severity | undefined {
  const configured = policy.rules[name]?.severity ?? policy.categories[name]?.severity;
  if (configured) return configured;
  const own =
    ruleMetaById(name)?.severity ?? policy.customRules.find((rule) => rule.id === name)?.severity;
  return own && (SEVERITIES as readonly string[]).includes(own) ? own : undefined;
}

function mergeSetting(base: RuleSetting | undefined, override: RuleSetting): RuleSetting {
  return { ...base, ...override, options: { ...base?.options, ...override.options } };
}
