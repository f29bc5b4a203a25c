/**
 * Every key of `.security.yml`, and how a change to it tightens or loosens the policy. One
 * registry answers for both places that need to know: layering, where a repository may not
 * loosen a setting the org locked, and the `policy-change` finding, which lists what an edit
 * would loosen. A test walks the schema and fails for any key without a comparator here.
 */
import { LANGUAGES, type Language } from '../model/model.js';
import type { RiskLevel } from '../model/risk.js';
import { profileBreadth } from '../rules/profiles.js';
import { compareRuleSettings } from './rule-comparison.js';
import {
  errorStrictness,
  routingRiskStrictness,
  suppressionStrictness,
  testCodeStrictness,
  thresholdStrictness,
  unanalysableStrictness,
} from './strictness.js';
import type {
  CustomRuleSpec,
  EffectivePolicy,
  LockableSetting,
  PolicyShift,
  Waiver,
} from './types.js';

/** For a setting the org can lock: what a repository that loosens it is told, and how the org's value is kept. */
export interface SettingLock {
  setting: LockableSetting;
  refusal(org: EffectivePolicy): string;
  restore(policy: EffectivePolicy, org: EffectivePolicy): void;
  /** a pinned setting refuses any change under the lock, not only a loosening */
  pinned?: boolean;
}

export interface KeyComparator {
  /** the schema's key paths this comparator judges, dotted (`review.when.risk`) */
  keys: readonly string[];
  compare: (before: EffectivePolicy, after: EffectivePolicy) => PolicyShift;
  lock?: SettingLock;
}

export function noShift(): PolicyShift {
  return { loosened: [], other: [] };
}

/** `name: before → after`, loosened when the new value is less strict. */
function ordered<T extends string | boolean>(
  name: string,
  before: T,
  after: T,
  strictness: (value: T) => number,
): PolicyShift {
  const shift = noShift();
  if (before !== after)
    (strictness(after) < strictness(before) ? shift.loosened : shift.other).push(
      `${name}: ${before} → ${after}`,
    );
  return shift;
}

/** Items that left a list and items that joined it, each described and classified by the caller. */
function listShift(
  before: readonly string[],
  after: readonly string[],
  removed: (item: string) => [phrase: string, loosens: boolean],
  added: (item: string) => [phrase: string, loosens: boolean],
  same: (a: string, b: string) => boolean = (a, b) => a === b,
): PolicyShift {
  const shift = noShift();
  const record = ([phrase, loosens]: [string, boolean]) =>
    (loosens ? shift.loosened : shift.other).push(phrase);
  for (const item of before.filter((old) => !after.some((next) => same(old, next))))
    record(removed(item));
  for (const item of after.filter((next) => !before.some((old) => same(old, next))))
    record(added(item));
  return shift;
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function settingLock(
  setting: LockableSetting,
  refusal: (org: EffectivePolicy) => string,
  restore: (policy: EffectivePolicy, org: EffectivePolicy) => void,
  pinned = false,
): SettingLock {
  return { setting, refusal, restore, ...(pinned ? { pinned } : {}) };
}

const thresholdKeys = (['fail_on', 'comment_on'] as const).map((key): KeyComparator => {
  const field = key === 'fail_on' ? 'failOn' : 'commentOn';
  return {
    keys: [key],
    compare: (before, after) => ordered(key, before[field], after[field], thresholdStrictness),
    lock: settingLock(
      key,
      (org) =>
        `the org policy locks ${key} at ${org[field]}; a repository can only make it stricter`,
      (policy, org) => {
        policy[field] = org[field];
      },
    ),
  };
});

const rules: KeyComparator = { keys: ['rules', 'categories'], compare: compareRuleSettings };

const pathsInclude: KeyComparator = {
  keys: ['paths.include'],
  compare(before, after) {
    if (before.include.length === 0 && after.include.length > 0)
      return { loosened: [`analyses only ${after.include.join(', ')}`], other: [] };
    if (before.include.length > 0 && after.include.length === 0)
      return { loosened: [], other: ['analyses every path again'] };
    return listShift(
      before.include,
      after.include,
      (glob) => [`stops analysing ${glob}`, true],
      (glob) => [`also analyses ${glob}`, false],
    );
  },
};

const pathsExclude: KeyComparator = {
  keys: ['paths.exclude'],
  compare: (before, after) =>
    listShift(
      before.exclude,
      after.exclude,
      (glob) => [`analyses ${glob} again`, false],
      (glob) => [`excludes ${glob} from analysis`, true],
    ),
};

/**
 * Reading a file as another language changes which rules run on it (rules the org locked keep
 * the org's reading), and no longer reading it as a language may leave it unread: both loosen.
 */
function languageKey(language: Language): KeyComparator {
  return {
    keys: [`paths.languages.${language}`],
    compare: (before, after) =>
      listShift(
        before.languageGlobs[language] ?? [],
        after.languageGlobs[language] ?? [],
        (glob) => [`stops reading ${glob} as ${language}`, true],
        (glob) => [
          `reads ${glob} as ${language}, which changes the rules that run on those files`,
          true,
        ],
      ),
  };
}

function waiverIdentity({ source: _source, ...waiver }: Waiver): string {
  return JSON.stringify(waiver);
}

const waivers: KeyComparator = {
  keys: ['waivers'],
  compare(before, after) {
    const shift = noShift();
    const old = new Set(before.waivers.map(waiverIdentity));
    const next = new Set(after.waivers.map(waiverIdentity));
    for (const waiver of after.waivers.filter((item) => !old.has(waiverIdentity(item)))) {
      shift.loosened.push(
        `waives ${waiver.rule ?? waiver.category} on ${waiver.path} until ${waiver.expires} (approved by ${waiver.approved_by}: ${waiver.reason})`,
      );
    }
    for (const waiver of before.waivers.filter((item) => !next.has(waiverIdentity(item)))) {
      shift.other.push(
        `removes the waiver for ${waiver.rule ?? waiver.category} on ${waiver.path}`,
      );
    }
    return shift;
  },
};

const inlineSuppressions: KeyComparator = {
  keys: ['inline_suppressions'],
  compare: (before, after) =>
    ordered(
      'inline suppressions',
      before.inlineSuppressions,
      after.inlineSuppressions,
      suppressionStrictness,
    ),
  lock: settingLock(
    'inline_suppressions',
    (org) => `the org policy locks inline_suppressions at ${org.inlineSuppressions}`,
    (policy, org) => {
      policy.inlineSuppressions = org.inlineSuppressions;
    },
  ),
};

const REVIEWER_NOUN = { teams: 'security reviewer team', users: 'security reviewer' } as const;

/**
 * Once reviewers are named, any change of who they are loosens: a name added can approve too
 * (a repository that names its own reviewers could approve its own changes), a name removed
 * leaves fewer to look. Naming the first reviewers turns routing on, which tightens.
 */
function reviewerKey(key: 'teams' | 'users'): KeyComparator {
  const named = (policy: EffectivePolicy) =>
    policy.review.teams.length + policy.review.users.length > 0;
  return {
    keys: [`review.${key}`],
    compare: (before, after) =>
      listShift(
        before.review[key],
        after.review[key],
        (name) => [`removes the ${REVIEWER_NOUN[key]} ${name}`, true],
        (name) => [`adds the ${REVIEWER_NOUN[key]} ${name}`, named(before)],
        sameLogin,
      ),
    lock: settingLock(
      'review',
      () =>
        'the org policy locks review; a repository cannot change who the security reviewers are',
      (policy, org) => {
        policy.review[key] = [...org.review[key]];
        if (org.review.source !== undefined) policy.review.source = org.review.source;
      },
    ),
  };
}

const routingRisk: KeyComparator = {
  keys: ['review.when.risk'],
  compare(before, after) {
    const [old, next]: Array<RiskLevel | undefined> = [
      before.review.when.risk,
      after.review.when.risk,
    ];
    const shift = noShift();
    if (old !== next) {
      (routingRiskStrictness(next) < routingRiskStrictness(old)
        ? shift.loosened
        : shift.other
      ).push(`routes to security review at risk ${old ?? 'never'} → ${next ?? 'never'}`);
    }
    return shift;
  },
  lock: settingLock(
    'review',
    (org) =>
      `the org policy locks review at risk ${org.review.when.risk}; a repository can only lower it`,
    (policy, org) => {
      if (org.review.when.risk === undefined) delete policy.review.when.risk;
      else policy.review.when.risk = org.review.when.risk;
    },
  ),
};

const ROUTING_NOUN = { categories: 'category', paths: 'path', surfaces: 'surface' } as const;

function routingListKey(key: 'categories' | 'paths' | 'surfaces'): KeyComparator {
  return {
    keys: [`review.when.${key}`],
    compare: (before, after) =>
      listShift(
        before.review.when[key],
        after.review.when[key],
        (item) => [`stops routing the ${ROUTING_NOUN[key]} ${item} to security review`, true],
        (item) => [`routes the ${ROUTING_NOUN[key]} ${item} to security review`, false],
      ),
    lock: settingLock(
      'review',
      () => `the org policy locks review; a repository can only add to review.when.${key}`,
      (policy, org) => {
        (policy.review.when[key] as string[]) = [...org.review.when[key]];
      },
    ),
  };
}

const routingPolicyChange: KeyComparator = {
  keys: ['review.when.policy_change'],
  compare(before, after) {
    const shift = noShift();
    if (before.review.when.policyChange && !after.review.when.policyChange)
      shift.loosened.push('stops routing policy changes to security review');
    if (!before.review.when.policyChange && after.review.when.policyChange)
      shift.other.push('routes policy changes to security review');
    return shift;
  },
  lock: settingLock(
    'review',
    () => 'the org policy locks review; a repository cannot stop routing policy changes',
    (policy, org) => {
      policy.review.when.policyChange = org.review.when.policyChange;
    },
  ),
};

/** true is the stricter value of each of these booleans. */
const truthStrictness = (value: boolean) => (value ? 1 : 0);

const failOnExisting: KeyComparator = {
  keys: ['fail_on_existing'],
  compare: (before, after) =>
    ordered('fail_on_existing', before.failOnExisting, after.failOnExisting, truthStrictness),
  lock: settingLock(
    'fail_on_existing',
    () => 'the org policy locks fail_on_existing at true; a repository cannot turn it off',
    (policy, org) => {
      policy.failOnExisting = org.failOnExisting;
    },
  ),
};

/** Fewer comments put fewer findings in front of the author. */
const commentKeys = (['context_lines', 'outside_diff'] as const).map((key): KeyComparator => {
  const field = key === 'context_lines' ? 'contextLines' : 'outsideDiff';
  return {
    keys: [`comments.${key}`],
    compare: (before, after) =>
      ordered(`comments.${key}`, before.comments[field], after.comments[field], truthStrictness),
  };
});

function customRuleMatch({ match, languages, category }: CustomRuleSpec): string {
  return JSON.stringify({ match, languages, category });
}

/** Severity changes of custom rules are the rules comparator's; this one sees rules come, go and change what they match. */
const customRules: KeyComparator = {
  keys: ['custom_rules'],
  compare(before, after) {
    const shift = listShift(
      before.customRules.map((rule) => rule.id),
      after.customRules.map((rule) => rule.id),
      (id) => [`removes the custom rule ${id}`, true],
      (id) => [`adds the custom rule ${id}`, false],
    );
    for (const rule of after.customRules) {
      const old = before.customRules.find((candidate) => candidate.id === rule.id);
      if (old && customRuleMatch(old) !== customRuleMatch(rule))
        shift.loosened.push(`changes what the custom rule ${rule.id} matches`);
    }
    return shift;
  },
};

const lockedRules: KeyComparator = {
  keys: ['locked.rules'],
  compare: (before, after) =>
    listShift(
      [...before.locked.keys()],
      [...after.locked.keys()],
      (name) => [`unlocks ${name}`, true],
      (name) => [`locks ${name}`, false],
    ),
};

const lockedSettings: KeyComparator = {
  keys: ['locked.settings'],
  compare: (before, after) =>
    listShift(
      [...before.lockedSettings],
      [...after.lockedSettings],
      (name) => [`unlocks the setting ${name}`, true],
      (name) => [`locks the setting ${name}`, false],
    ),
};

const onUnanalysable: KeyComparator = {
  keys: ['on_unanalysable'],
  compare: (before, after) =>
    ordered('on_unanalysable', before.onUnanalysable, after.onUnanalysable, unanalysableStrictness),
  lock: settingLock(
    'on_unanalysable',
    (org) =>
      `the org policy locks on_unanalysable at ${org.onUnanalysable}; a repository can only make it stricter`,
    (policy, org) => {
      policy.onUnanalysable = org.onUnanalysable;
    },
  ),
};

const onError: KeyComparator = {
  keys: ['on_error'],
  compare: (before, after) => ordered('on_error', before.onError, after.onError, errorStrictness),
  lock: settingLock(
    'on_error',
    (org) =>
      `the org policy locks on_error at ${org.onError}; a repository can only make it stricter`,
    (policy, org) => {
      policy.onError = org.onError;
    },
  ),
};

/**
 * `glitch` reports everything `security` does and GLITCH's code smells besides, so moving to
 * `security` reports less. Under the org's lock the profile is pinned: the org decides what a
 * finding is for all its repositories, and a repository can choose neither profile over it.
 */
const profile: KeyComparator = {
  keys: ['profile'],
  compare: (before, after) => ordered('profile', before.profile, after.profile, profileBreadth),
  lock: settingLock(
    'profile',
    (org) => `the org policy locks profile at ${org.profile}; a repository cannot choose another`,
    (policy, org) => {
      policy.profile = org.profile;
    },
    true,
  ),
};

/** `production` judges test code, `report` lists it outside the verdict, `ignore` does not read it. */
const testCode: KeyComparator = {
  keys: ['test_code'],
  compare: (before, after) =>
    ordered('test_code', before.testCode, after.testCode, testCodeStrictness),
  lock: settingLock(
    'test_code',
    (org) =>
      `the org policy locks test_code at ${org.testCode}; a repository can only make it stricter`,
    (policy, org) => {
      policy.testCode = org.testCode;
    },
  ),
};

/** In the order a policy-change finding lists what changed. */
export const KEY_COMPARATORS: readonly KeyComparator[] = [
  ...thresholdKeys,
  rules,
  pathsInclude,
  pathsExclude,
  ...LANGUAGES.map(languageKey),
  waivers,
  inlineSuppressions,
  reviewerKey('teams'),
  reviewerKey('users'),
  routingRisk,
  routingListKey('categories'),
  routingListKey('paths'),
  routingListKey('surfaces'),
  routingPolicyChange,
  failOnExisting,
  ...commentKeys,
  customRules,
  lockedRules,
  lockedSettings,
  onUnanalysable,
  onError,
  profile,
  testCode,
];

/** Everything the move from `before` to `after` loosens and otherwise changes, key by key. */
export function comparePolicies(before: EffectivePolicy, after: EffectivePolicy): PolicyShift {
  const shift = noShift();
  for (const comparator of KEY_COMPARATORS) {
    const { loosened, other } = comparator.compare(before, after);
    shift.loosened.push(...loosened);
    shift.other.push(...other);
  }
  return shift;
}
