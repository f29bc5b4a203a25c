/**
 * What a `.security.yml` can say, once validated, and the effective policy that results from
 * layering built-in defaults, the org policy and the repository policy.
 */
import type { Severity } from '../model/finding.js';
import type { RiskLevel, Surface } from '../model/risk.js';
import type { Language } from '../model/model.js';
import type { Profile } from '../rules/profiles.js';

export type Threshold = Severity | 'none';
export type InlineSuppressions = 'allow' | 'deny-locked' | 'deny';
/** What a changed configuration file Posture could not analyse does to the verdict. */
export type OnUnanalysable = 'fail' | 'warn';
/** How the check run ends when Posture or GitHub fails during a review. */
export type OnError = 'fail' | 'neutral';
/**
 * What becomes of test and example code (`src/languages/test-code.ts` says which files are):
 * `report` analyses it and reports its findings apart, at low severity, outside the verdict;
 * `ignore` does not analyse it; `production` judges it like any other code.
 */
export type TestCodeHandling = 'report' | 'ignore' | 'production';
/**
 * Settings the org policy can lock; a repository may then only make them stricter, except
 * `profile`, which a lock pins: a repository can choose neither profile over the org's.
 */
export type LockableSetting =
  | 'fail_on'
  | 'comment_on'
  | 'inline_suppressions'
  | 'fail_on_existing'
  | 'review'
  | 'on_unanalysable'
  | 'on_error'
  | 'profile'
  | 'test_code';

/** What a policy says about one rule or one category. */
export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
  include?: string[];
  exclude?: string[];
  options?: Record<string, string[]>;
}

export interface Waiver {
  rule?: string;
  category?: string;
  path: string;
  line?: number;
  fingerprint?: string;
  reason: string;
  /** the last day the waiver applies, `YYYY-MM-DD` */
  expires: string;
  approved_by: string;
  /** where the waiver was written, for messages */
  source: string;
}

export type CustomCondition =
  | { equals: string | number | boolean }
  | { one_of: Array<string | number | boolean> }
  | { glob: string }
  | { regex: string }
  | { greater_than: number }
  | { less_than: number }
  | { present: true }
  | { absent: true };

export interface CustomRuleSpec {
  id: string;
  title?: string;
  message: string;
  severity: Severity;
  category: string;
  languages: Language[];
  match: {
    /** glob(s) on the task module or resource type */
    type?: string | string[];
    /** glob(s) on variable names */
    variable?: string | string[];
    /** dotted path of the attribute to test, for `type` matches */
    attribute?: string;
  } & Partial<Record<string, unknown>>;
  source: string;
}

/** `review:` as written: who the security reviewers are, and which pull requests need them. */
export interface ReviewRoutingSetting {
  /** team slugs of the repository's org (`security`), or `org/slug` */
  teams?: string[];
  users?: string[];
  when?: {
    /** the pull request's risk level at or above this */
    risk?: RiskLevel;
    /** a new finding in one of these categories */
    categories?: string[];
    /** a changed file matching one of these globs */
    paths?: string[];
    /** the change touches one of these security surfaces */
    surfaces?: Surface[];
    /** the pull request adds, edits or deletes `.security.yml` */
    policy_change?: boolean;
  };
}

export interface CommentSettings {
  /** also comment on unchanged lines the diff shows around a change */
  context_lines?: boolean;
  /** comment on the file, without a line, for new findings outside the diff's hunks */
  outside_diff?: boolean;
}

/** One policy file as written, validated. */
export interface PolicyFile {
  source: string;
  fail_on?: Threshold;
  comment_on?: Threshold;
  paths?: {
    include?: string[];
    exclude?: string[];
    languages?: Partial<Record<Language, string[]>>;
  };
  rules?: Record<string, RuleSetting>;
  categories?: Record<string, RuleSetting>;
  locked?: { rules?: string[]; settings?: LockableSetting[] };
  inline_suppressions?: InlineSuppressions;
  /** true: findings already on the base branch count towards the verdict too */
  fail_on_existing?: boolean;
  comments?: CommentSettings;
  review?: ReviewRoutingSetting;
  waivers?: Waiver[];
  custom_rules?: CustomRuleSpec[];
  on_unanalysable?: OnUnanalysable;
  on_error?: OnError;
  profile?: Profile;
  test_code?: TestCodeHandling;
}

/** The review section once layered: empty lists when nobody set them. */
export interface ReviewRouting {
  teams: string[];
  users: string[];
  when: {
    risk?: RiskLevel;
    categories: string[];
    paths: string[];
    surfaces: Surface[];
    policyChange: boolean;
  };
  /** the policy file that named the reviewers, for messages */
  source?: string;
}

export interface EffectivePolicy {
  failOn: Threshold;
  commentOn: Threshold;
  failOnExisting: boolean;
  comments: { contextLines: boolean; outsideDiff: boolean };
  review: ReviewRouting;
  include: string[];
  exclude: string[];
  languageGlobs: Partial<Record<Language, string[]>>;
  /** `paths.languages` of the built-in and org layers only: locked rules read a file in the language these give it */
  orgLanguageGlobs: Partial<Record<Language, string[]>>;
  rules: Record<string, RuleSetting>;
  categories: Record<string, RuleSetting>;
  /** rule ids and categories the org locked, with the severity they may not go below */
  locked: Map<string, Severity | undefined>;
  lockedSettings: Set<LockableSetting>;
  inlineSuppressions: InlineSuppressions;
  waivers: Waiver[];
  customRules: CustomRuleSpec[];
  /** `fail`: a changed configuration file Posture could not analyse fails the check */
  onUnanalysable: OnUnanalysable;
  /** `fail`: a review that broke off (Posture or GitHub failed) completes its run `failure` */
  onError: OnError;
  /** which definition of a finding applies: `security` (default) or `glitch` */
  profile: Profile;
  /** what becomes of test and example code: `report` (default), `ignore` or `production` */
  testCode: TestCodeHandling;
  /** the files this policy was built from */
  sources: string[];
}

/** A problem with a policy file, located for the person who has to fix it. */
export interface PolicyError {
  source: string;
  line?: number;
  /** dotted key path (`rules.hard-coded-secret`) */
  key?: string;
  message: string;
}

export function formatPolicyError(error: PolicyError): string {
  const where = error.line ? `${error.source}:${error.line}` : error.source;
  return error.key ? `${where}: ${error.key}: ${error.message}` : `${where}: ${error.message}`;
}

/** What a change of policy does: what it loosens and what else it changes, one phrase each. */
export interface PolicyShift {
  /** what the change loosens */
  loosened: string[];
  /** what it tightens or otherwise changes */
  other: string[];
}
