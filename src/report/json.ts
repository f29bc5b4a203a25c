/**
 * The CLI's JSON output: a stable, flat shape for scripts and CI.
 */
import type { FileError, Finding } from '../engine/finding.js';

export interface JsonFinding {
  ruleId: string;
  category: string;
  severity: Finding['severity'];
  path: string;
  line: number;
  column: number;
  endLine: number;
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
}

export function toJsonReport(findings: readonly Finding[], errors: readonly FileError[]): JsonReport {
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
    })),
    errors: errors.map((error) => ({
      path: error.path,
      message: error.message,
      ...(error.line === undefined ? {} : { line: error.line }),
    })),
  };
}

export function formatJson(findings: readonly Finding[], errors: readonly FileError[]): string {
  return `${JSON.stringify(toJsonReport(findings, errors), null, 2)}\n`;
}
