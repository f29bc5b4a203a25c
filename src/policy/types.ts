/**
 * What a `.security.yml` can say, once validated, and the effective policy that results from
 * layering built-in defaults, the org policy and the repository policy.
 */
import type { Severity } from '../engine/finding.js';
import type { Language } from '../engine/model.js';

export type Threshold = Severity | 'none';
export type InlineSuppressions = 'allow' | 'deny-locked' | 'deny';

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

/** One policy file as written, validated. */
export interface PolicyFile {
  source: string;
  fail_on?: Threshold;
  comment_on?: Threshold;
  paths?: { include?: string[]; exclude?: string[]; languages?: Partial<Record<Language, string[]>> };
  rules?: Record<string, RuleSetting>;
  categories?: Record<string, RuleSetting>;
  locked?: { rules?: string[]; settings?: Array<'fail_on' | 'comment_on' | 'inline_suppressions'> };
  inline_suppressions?: InlineSuppressions;
  waivers?: Waiver[];
  custom_rules?: CustomRuleSpec[];
}

export interface EffectivePolicy {
  failOn: Threshold;
  commentOn: Threshold;
  include: string[];
  exclude: string[];
  languageGlobs: Partial<Record<Language, string[]>>;
  rules: Record<string, RuleSetting>;
  categories: Record<string, RuleSetting>;
  /** rule ids and categories the org locked, with the severity they may not go below */
  locked: Map<string, Severity | undefined>;
  lockedSettings: Set<string>;
  inlineSuppressions: InlineSuppressions;
  waivers: Waiver[];
  customRules: CustomRuleSpec[];
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
