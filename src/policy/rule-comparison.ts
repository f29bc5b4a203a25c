/**
 * What a change of the `rules:` and `categories:` tables does to each rule, built-in or custom:
 * the two tables combine into one effective setting per rule (its own setting over its
 * category's), so they are judged together.
 */
import { severityRank, type Severity } from '../model/finding.js';
import { RULE_METAS } from '../rules/metadata.js';
import type { Profile } from '../rules/profiles.js';
import { isEnabled, profilesByDefault } from './resolve-rules.js';
import type { CustomRuleSpec, EffectivePolicy, PolicyShift } from './types.js';

interface RuleIdentity {
  id: string;
  category: string;
  severity: Severity;
  options: Readonly<Record<string, readonly string[]>>;
  /** the profiles the rule runs in by default; all when absent */
  profiles?: readonly Profile[];
}

interface EffectiveRule {
  enabled: boolean;
  severity: Severity;
  include: readonly string[];
  exclude: readonly string[];
  options: Readonly<Record<string, readonly string[]>>;
}

export function compareRuleSettings(before: EffectivePolicy, after: EffectivePolicy): PolicyShift {
  const shift: PolicyShift = { loosened: [], other: [] };
  for (const [old, next] of rulesOfBoth(before, after))
    compareRule(next.id, effectiveRule(before, old), effectiveRule(after, next), shift);
  return shift;
}

/** The built-in rules, and the custom rules both policies define, each as that policy defines it. */
function rulesOfBoth(
  before: EffectivePolicy,
  after: EffectivePolicy,
): Array<[RuleIdentity, RuleIdentity]> {
  const builtIn = RULE_METAS.map((meta): [RuleIdentity, RuleIdentity] => {
    const options = Object.fromEntries(
      Object.entries(meta.options ?? {}).map(([name, option]) => [name, option.default]),
    );
    const profiles = profilesByDefault(meta);
    const identity = {
      id: meta.id,
      category: meta.category,
      severity: meta.severity,
      options,
      ...(profiles ? { profiles } : {}),
    };
    return [identity, identity];
  });
  const custom = after.customRules.flatMap((rule): Array<[RuleIdentity, RuleIdentity]> => {
    const old = before.customRules.find((candidate) => candidate.id === rule.id);
    return old ? [[customIdentity(old), customIdentity(rule)]] : [];
  });
  return [...builtIn, ...custom];
}

function customIdentity(rule: CustomRuleSpec): RuleIdentity {
  return { id: rule.id, category: rule.category, severity: rule.severity, options: {} };
}

function effectiveRule(policy: EffectivePolicy, rule: RuleIdentity): EffectiveRule {
  const setting = { ...policy.categories[rule.category], ...policy.rules[rule.id] };
  return {
    enabled: isEnabled(setting, rule.profiles, policy.profile),
    severity: setting.severity ?? rule.severity,
    include: setting.include ?? [],
    exclude: setting.exclude ?? [],
    options: Object.fromEntries(
      Object.entries(rule.options).map(([name, defaults]) => [
        name,
        setting.options?.[name] ?? defaults,
      ]),
    ),
  };
}

function compareRule(
  id: string,
  old: EffectiveRule,
  next: EffectiveRule,
  shift: PolicyShift,
): void {
  if (old.enabled && !next.enabled) shift.loosened.push(`turns ${id} off`);
  if (!old.enabled && next.enabled) shift.other.push(`turns ${id} on`);
  if (!old.enabled || !next.enabled) return;
  if (old.severity !== next.severity) {
    const lowered = severityRank(next.severity) < severityRank(old.severity);
    (lowered ? shift.loosened : shift.other).push(
      `${lowered ? 'lowers' : 'raises'} ${id} from ${old.severity} to ${next.severity}`,
    );
  }
  compareInclude(id, old.include, next.include, shift);
  for (const glob of next.exclude.filter((item) => !old.exclude.includes(item)))
    shift.loosened.push(`stops ${id} on ${glob}`);
  for (const glob of old.exclude.filter((item) => !next.exclude.includes(item)))
    shift.other.push(`runs ${id} on ${glob} again`);
  compareOptions(id, old.options, next.options, shift);
}

/** An empty `include` means every path; globs narrow it. */
function compareInclude(
  id: string,
  old: readonly string[],
  next: readonly string[],
  shift: PolicyShift,
): void {
  if (old.length === 0 && next.length > 0) {
    shift.loosened.push(`runs ${id} only on ${next.join(', ')}`);
    return;
  }
  if (old.length > 0 && next.length === 0) {
    shift.other.push(`runs ${id} on every path again`);
    return;
  }
  for (const glob of old.filter((item) => !next.includes(item)))
    shift.loosened.push(`stops ${id} on ${glob}`);
  for (const glob of next.filter((item) => !old.includes(item)))
    shift.other.push(`runs ${id} on ${glob} too`);
}

/** The options of `next` that accept a value `current` does not: the exceptions a change adds. */
export function widenedOptions(
  current: EffectiveRule['options'],
  next: EffectiveRule['options'],
): string[] {
  return Object.entries(next)
    .filter(([name, values]) => values.some((value) => !(current[name] ?? []).includes(value)))
    .map(([name]) => name);
}

/** The options a policy gives a built-in rule: its own setting over the rule's defaults. */
export function optionsOf(
  policy: EffectivePolicy,
  ruleId: string,
): Record<string, readonly string[]> {
  const declared = RULE_METAS.find((meta) => meta.id === ruleId)?.options ?? {};
  const set = policy.rules[ruleId]?.options ?? {};
  return Object.fromEntries(
    Object.entries(declared).map(([name, option]) => [name, set[name] ?? option.default]),
  );
}

/** Rule options are exceptions (hosts a rule accepts): a value added loosens, one removed tightens. */
function compareOptions(
  id: string,
  old: EffectiveRule['options'],
  next: EffectiveRule['options'],
  shift: PolicyShift,
): void {
  for (const [name, values] of Object.entries(next)) {
    const before = old[name] ?? [];
    for (const value of values.filter((item) => !before.includes(item)))
      shift.loosened.push(`lets ${id} accept ${value} (${name})`);
    for (const value of before.filter((item) => !values.includes(item)))
      shift.other.push(`stops ${id} accepting ${value} (${name})`);
  }
}
