/** Scan reports built by hand, for the report formats' own tests. */
import type { ReportedFinding, ScanReport } from '../../../src/report/scan-report.js';

export function reportedFinding(overrides: Partial<ReportedFinding> = {}): ReportedFinding {
  return {
    ruleId: 'test-tls-off',
    category: 'tls-verification-disabled',
    severity: 'high',
    language: 'ansible',
    path: 'roles/web/tasks/main.yml',
    range: { line: 5, column: 5, endLine: 5, endColumn: 19 },
    message: 'certificate validation is off',
    fingerprint: `${'a'.repeat(64)}:1`,
    ...overrides,
  };
}

export function scanReport(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    findings: [],
    errors: [],
    notices: [],
    policyErrors: [],
    policies: [],
    analyzed: [],
    failOn: 'high',
    onUnanalysable: 'fail',
    root: '/work/repo',
    displayPath: (path) => path,
    rules: [],
    ...overrides,
  };
}
