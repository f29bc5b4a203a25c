/**
 * What one `posture scan` found, as every CLI report format reads it.
 *
 * Paths of findings, file errors, notices and policy files are relative to the repository root,
 * with forward slashes, exactly as the GitHub App names them. Formats meant for a person at a
 * terminal show them through `displayPath` (relative to the working directory); formats meant
 * for CI and code scanning keep them relative to the root.
 */
import { atLeast, type FileError, type Finding } from '../model/finding.js';
import type { Notice } from '../policy/notice.js';
import type { OnUnanalysable, PolicyError, Threshold } from '../policy/types.js';
import type { RuleMeta } from '../rules/rule.js';

/** Why a finding does not count: a policy waiver, an inline suppression, or the baseline file. */
export type FindingStatus = 'waived' | 'suppressed' | 'baselined';

export interface ReportedFinding extends Omit<Finding, 'status'> {
  status?: FindingStatus;
  /** `<sha256>:<n>`, the identity SARIF, comment markers, waivers and baselines use */
  fingerprint: string;
}

export interface ReportedRule extends RuleMeta {
  /** where the rule is documented; absent for a policy's custom rules */
  docsUrl?: string;
}

export interface AppliedPolicy {
  layer: 'org' | 'repository';
  /** relative to the repository root (`../` when the file lies outside it) */
  path: string;
}

export interface BaselineComparison {
  /** the baseline file as named on the command line */
  file: string;
  /** findings the baseline accepted */
  accepted: number;
  /** baseline entries that match no finding any more */
  unmatched: number;
}

export interface DiffBaseComparison {
  /** the git revision as named on the command line */
  ref: string;
  /** findings already there at that revision, left out of the report */
  existing: number;
}

export interface ScanReport {
  findings: ReportedFinding[];
  errors: FileError[];
  notices: Notice[];
  /** problems in the policy files; the findings come from the layers that were valid */
  policyErrors: PolicyError[];
  /** the policy files that applied, org first */
  policies: AppliedPolicy[];
  /** the files analysed, with or without findings */
  analyzed: string[];
  failOn: Threshold;
  onUnanalysable: OnUnanalysable;
  /** absolute path of the repository root every path is relative to */
  root: string;
  /** a root-relative path as a person in the working directory should see it */
  displayPath: (path: string) => string;
  /** every rule that could report, built-in and custom, at the severity the policy gives it */
  rules: readonly ReportedRule[];
  baseline?: BaselineComparison;
  diffBase?: DiffBaseComparison;
}

/** Findings in production code that nobody accepted: the ones that count towards the exit code. */
export function isOpenFinding(finding: Pick<ReportedFinding, 'status' | 'context'>): boolean {
  return finding.status === undefined && finding.context === undefined;
}

/** Whether a finding is open and at or above the threshold, so that it fails the scan. */
export function failsThreshold(
  finding: Pick<ReportedFinding, 'status' | 'context' | 'severity'>,
  threshold: Threshold,
): boolean {
  return isOpenFinding(finding) && threshold !== 'none' && atLeast(finding.severity, threshold);
}

/** Whether a root-relative path names something inside the repository (a policy file may lie outside). */
export function isInsideRoot(path: string): boolean {
  return path !== '..' && !path.startsWith('../');
}
