/**
 * The CLI's JSON output: a stable, flat shape for scripts and CI.
 */
import type { FileError, Finding } from '../engine/finding.js';
import type { Notice } from '../policy/notice.js';

export interface JsonFinding {
  ruleId: string;
  category: string;
  severity: Finding['severity'];
  path: string;
  line: number;
  column: number;
  endLine: number;
  message: string;
  /** only for findings a waiver or an inline suppression accepted */
  status?: 'waived' | 'suppressed';
  justification?: string;
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

export interface JsonReport {
  findings: JsonFinding[];
  errors: JsonError[];
  /** present when the policy has something to say (unused suppressions, expired waivers) */
  notices?: JsonNotice[];
}

export function toJsonReport(findings: readonly Finding[], errors: readonly FileError[], notices: readonly Notice[] = []): JsonReport {
  return {
    findings: findings.map((finding) => ({
      ruleId: finding.ruleId,
      category: finding.category,
      severity: finding.severity,
      path: finding.path,
      line: finding.range.line,
      column: finding.range.column,
      endLine: finding.range.endLine,
      message: finding.message,
      ...(finding.status ? { status: finding.status } : {}),
      ...(finding.justification ? { justification: finding.justification } : {}),
    })),
    errors: errors.map((error) => ({
      path: error.path,
      message: error.message,
      ...(error.line === undefined ? {} : { line: error.line }),
    })),
    ...(notices.length > 0 ? { notices: notices.map((notice) => ({ ...notice })) } : {}),
  };
}

export function formatJson(findings: readonly Finding[], errors: readonly FileError[], notices: readonly Notice[] = []): string {
  return `${JSON.stringify(toJsonReport(findings, errors, notices), null, 2)}\n`;
}
