/**
 * The CLI's JSON output: a stable, flat shape for scripts and CI. Paths are relative to the
 * working directory, like the text report's; `fingerprint` is the finding's identity for
 * waivers and baselines.
 */
import type { Landing } from '../model/finding.js';
import type { PolicyError } from '../policy/types.js';
import type { FindingStatus, ScanReport } from './scan-report.js';

export interface JsonFinding {
  ruleId: string;
  category: string;
  severity: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  message: string;
  fingerprint: string;
  /** only for findings a waiver, an inline suppression or the baseline accepted */
  status?: FindingStatus;
  /** `test`: in test or example code, reported apart and never counted */
  context?: 'test';
  justification?: string;
  /** where the value this finding is about lands, when it is set in one file and used in another */
  landing?: Landing;
}

export interface JsonNotice {
  path: string;
  line?: number;
  message: string;
}

export interface JsonError {
  path: string;
  message: string;
  line?: number;
}

export interface JsonPolicyError {
  path: string;
  line?: number;
  key?: string;
  message: string;
}

export interface JsonReport {
  findings: JsonFinding[];
  errors: JsonError[];
  /** present when the policy has something to say (unused suppressions, expired waivers) */
  notices?: JsonNotice[];
  /** present when a policy file is invalid; the findings come from the valid layers */
  policyErrors?: JsonPolicyError[];
  /** the policy files that applied, org first; empty when Posture's defaults did */
  policies: { layer: 'org' | 'repository'; path: string }[];
  /** with --baseline or --write-baseline */
  baseline?: { file: string; accepted: number; unmatched: number };
  /** with --diff-base: findings already at that revision are left out */
  diffBase?: { ref: string; existing: number };
}

export function toJsonReport(report: ScanReport): JsonReport {
  const shown = report.displayPath;
  return {
    findings: report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      category: finding.category,
      severity: finding.severity,
      path: shown(finding.path),
      line: finding.range.line,
      column: finding.range.column,
      endLine: finding.range.endLine,
      message: finding.message,
      fingerprint: finding.fingerprint,
      ...(finding.status ? { status: finding.status } : {}),
      ...(finding.context ? { context: finding.context } : {}),
      ...(finding.justification ? { justification: finding.justification } : {}),
      ...(finding.landing
        ? { landing: { ...finding.landing, path: shown(finding.landing.path) } }
        : {}),
    })),
    errors: report.errors.map((error) => ({
      path: shown(error.path),
      message: error.message,
      ...(error.line === undefined ? {} : { line: error.line }),
    })),
    ...(report.notices.length > 0
      ? { notices: report.notices.map((notice) => ({ ...notice, path: shown(notice.path) })) }
      : {}),
    ...(report.policyErrors.length > 0
      ? { policyErrors: report.policyErrors.map((error) => toJsonPolicyError(error, shown)) }
      : {}),
    policies: report.policies.map((policy) => ({ layer: policy.layer, path: shown(policy.path) })),
    ...(report.baseline ? { baseline: { ...report.baseline } } : {}),
    ...(report.diffBase ? { diffBase: { ...report.diffBase } } : {}),
  };
}

export function toJsonPolicyError(
  error: PolicyError,
  shown: (path: string) => string = (path) => path,
): JsonPolicyError {
  return {
    path: shown(error.source),
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.key === undefined ? {} : { key: error.key }),
    message: error.message,
  };
}

export function formatJson(report: ScanReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
