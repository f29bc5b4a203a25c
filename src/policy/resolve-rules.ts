/**
 * Which rules run on a file, at what severity and with which options, under a policy.
 */
import type { Severity } from '../model/finding.js';
import type { Language } from '../model/model.js';
import type { Rule, RuleMeta } from '../rules/rule.js';
import { matchesAny } from './globs.js';
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

export function activeRules(
  policy: EffectivePolicy,
  rules: readonly Rule[],
  path: string,
  language: Language,
): ActiveRule[] {
  const inScope = pathInScope(policy, path);
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    if (!rule.meta.languages.includes(language)) continue;
    const locked = isLocked(policy, rule);
    if (!inScope && !locked) continue;
    const setting = settingFor(policy, rule);
    if (!isEnabled(setting, profilesByDefault(rule.meta), policy.profile) && !locked) continue;
    if (!locked && setting.include?.length && !matchesAny(path, setting.include)) continue;
    if (!locked && setting.exclude?.length && matchesAny(path, setting.exclude)) continue;
    active.push({
      rule,
      severity: setting.severity ?? rule.meta.severity,
      options: optionsFor(rule, setting),
      locked,
    });
  }
  return active;
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
