/**
 * Which rules run on a file, at what severity and with which options, under a policy.
 */
import type { Severity } from '../model/finding.js';
import type { Language } from '../model/model.js';
import type { Rule, RuleMeta } from '../rules/rule.js';
import { matchesAny } from '../shared/globs.js';
import { inProfile, type Profile } from '../rules/profiles.js';
import type { EffectivePolicy, RuleSetting } from './types.js';

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Readonly<Record<string, readonly string[]>>;
  locked: boolean;
}

export function isLocked(policy: EffectivePolicy, rule: Rule): boolean {
  return policy.locked.has(rule.meta.id) || policy.locked.has(rule.meta.category);
}

/** The language a policy assigns to a path through `paths.languages`, if any. */
export function policyLanguage(policy: EffectivePolicy, path: string): Language | undefined {
  return languageByGlobs(policy.languageGlobs, path);
}

/**
 * The language the built-in and org layers alone assign to a path: the one locked rules read
 * it in, whatever a repository's `paths.languages` says.
 */
export function orgLanguage(policy: EffectivePolicy, path: string): Language | undefined {
  return languageByGlobs(policy.orgLanguageGlobs, path);
}

function languageByGlobs(
  languageGlobs: EffectivePolicy['languageGlobs'],
  path: string,
): Language | undefined {
  for (const [language, globs] of Object.entries(languageGlobs)) {
    if (globs && matchesAny(path, globs)) return language as Language;
  }
  return undefined;
}

/** Whether the policy's `paths` keep a file in scope; locked rules run on excluded files all the same. */
export function pathInScope(policy: EffectivePolicy, path: string): boolean {
  if (policy.include.length > 0 && !matchesAny(path, policy.include)) return false;
  return !matchesAny(path, policy.exclude);
}

/**
 * Whether the policy reads two paths alike: both in scope or both out, in the same language, and
 * alike under every rule's and category's `include`/`exclude` and every waiver. A file moved
 * between paths it reads otherwise was not judged before as it is now.
 */
export function readsPathsAlike(policy: EffectivePolicy, before: string, after: string): boolean {
  const alike = (globs: readonly string[] | undefined) =>
    !globs?.length || matchesAny(before, globs) === matchesAny(after, globs);
  const settings = [...Object.values(policy.rules), ...Object.values(policy.categories)];
  return (
    pathInScope(policy, before) === pathInScope(policy, after) &&
    policyLanguage(policy, before) === policyLanguage(policy, after) &&
    orgLanguage(policy, before) === orgLanguage(policy, after) &&
    settings.every((setting) => alike(setting.include) && alike(setting.exclude)) &&
    policy.waivers.every((waiver) => alike([waiver.path]))
  );
}

export function activeRules(
  policy: EffectivePolicy,
  rules: readonly Rule[],
  path: string,
  language: Language,
): ActiveRule[] {
  const inScope = pathInScope(policy, path);
  const active: ActiveRule[] = [];
  for (const candidate of candidates(policy, rules, language)) {
    if (candidate.active.locked || (inScope && runsOn(candidate, path)))
      active.push(candidate.active);
  }
  return active;
}

/** Whether the policy turns a rule on, and its own `include` and `exclude` keep the path. */
function runsOn({ enabled, include, exclude }: Candidate, path: string): boolean {
  if (!enabled) return false;
  if (include?.length && !matchesAny(path, include)) return false;
  return !(exclude?.length && matchesAny(path, exclude));
}

/** A rule for a language as the policy sets it, before a file's path is considered. */
interface Candidate {
  active: ActiveRule;
  /** whether the policy turns it on (a locked rule runs all the same) */
  enabled: boolean;
  include: readonly string[] | undefined;
  exclude: readonly string[] | undefined;
}

/**
 * The rules for a language under a policy, settled once per policy, rule list and language:
 * every file asks, and all that differs from one file to the next is its path. A policy is not
 * changed once built.
 */
const candidatesByPolicy = new WeakMap<
  EffectivePolicy,
  WeakMap<readonly Rule[], Map<Language, readonly Candidate[]>>
>();

function candidates(
  policy: EffectivePolicy,
  rules: readonly Rule[],
  language: Language,
): readonly Candidate[] {
  let byRules = candidatesByPolicy.get(policy);
  if (!byRules) {
    byRules = new WeakMap();
    candidatesByPolicy.set(policy, byRules);
  }
  let byLanguage = byRules.get(rules);
  if (!byLanguage) {
    byLanguage = new Map();
    byRules.set(rules, byLanguage);
  }
  let found = byLanguage.get(language);
  if (!found) {
    found = rules
      .filter((rule) => rule.meta.languages.includes(language))
      .map((rule) => {
        const setting = settingFor(policy, rule);
        return {
          active: {
            rule,
            severity: setting.severity ?? rule.meta.severity,
            options: optionsFor(rule, setting),
            locked: isLocked(policy, rule),
          },
          enabled: isEnabled(setting, profilesByDefault(rule.meta), policy.profile),
          include: setting.include,
          exclude: setting.exclude,
        };
      });
    byLanguage.set(language, found);
  }
  return found;
}

/**
 * A rule the policy names is on or off as it says (a severity alone turns it on); otherwise it
 * runs when its metadata declares the policy's profile, or declares none.
 */
export function isEnabled(
  setting: RuleSetting,
  ruleProfiles: readonly Profile[] | undefined,
  profile: Profile,
): boolean {
  if (setting.enabled !== undefined) return setting.enabled;
  return setting.severity !== undefined || inProfile(ruleProfiles, profile);
}

/** The profiles a rule runs in when the policy does not name it: none for an opt-in rule. */
export function profilesByDefault(meta: RuleMeta): readonly Profile[] | undefined {
  return meta.optIn ? [] : meta.profiles;
}

/** Category settings first, the rule's own settings over them. */
function settingFor(policy: EffectivePolicy, rule: Rule): RuleSetting {
  const category = policy.categories[rule.meta.category] ?? {};
  const own = policy.rules[rule.meta.id] ?? {};
  return { ...category, ...own };
}

function optionsFor(rule: Rule, setting: RuleSetting): Record<string, readonly string[]> {
  const options: Record<string, readonly string[]> = {};
  for (const [name, option] of Object.entries(rule.meta.options ?? {}))
    options[name] = setting.options?.[name] ?? option.default;
  return options;
}
