import type { Language, SourceRange } from './model.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

/** A mechanical fix: replace the whole of lines `range.line..range.endLine` with `replacement`. */
export interface Suggestion {
  line: number;
  endLine: number;
  replacement: string;
}

export interface Finding {
  ruleId: string;
  category: string;
  severity: Severity;
  /** the language of the analysed file; absent for findings about the policy file itself */
  language?: Language;
  /** repository- or scan-relative path, forward slashes */
  path: string;
  range: SourceRange;
  message: string;
  suggestion?: Suggestion;
  /** set when a policy waiver or an inline suppression accepted the finding */
  status?: 'waived' | 'suppressed';
  /** who accepted it and why, for the record; for findings in test code, why they do not count */
  justification?: string;
  /**
   * `test`: the finding sits in test or example code, which the policy reports apart
   * (`test_code: report`): at low severity, listed separately, and never counted towards a
   * verdict, a risk level or a review routing. Absent for production code.
   */
  context?: 'test';
  /**
   * Where the value this finding is about lands, when it is set in one file and used in another:
   * `roles/ssh/templates/sshd_config.j2:2`, "as `PermitRootLogin` in sshd_config".
   */
  landing?: Landing;
}

export interface Landing {
  path: string;
  line: number;
  /** how it is used there */
  as: string;
}

/** Findings in production code that nobody has accepted: the ones that count towards a verdict. */
export function isOpen(finding: Finding): boolean {
  return finding.status === undefined && finding.context === undefined;
}

/** Path, then position, then rule: the order every report lists findings in. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareNames(a.path, b.path) ||
    a.range.line - b.range.line ||
    a.range.column - b.range.column ||
    compareNames(a.ruleId, b.ruleId)
  );
}

/**
 * Paths and rule ids in the order of the locale. Equal names (the path of every finding of one
 * file) are answered before the locale's collation is asked, which costs several times more and
 * loads its tables on first use.
 */
export function compareNames(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}

export type { FileError, FileErrorKind } from './file-error.js';
