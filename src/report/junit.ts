/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines, CircleCI):
 * one test suite per file, one test case per finding, paths relative to the repository root.
 *
 * - a finding that fails the scan (open, at or above the fail threshold) is a `<failure>`;
 * - a file Posture could not analyse is an `<error>` (a `<skipped>` with on_unanalysable: warn),
 *   and so is each problem of an invalid policy file;
 * - an open finding below the threshold, a waived, suppressed or baselined one, and one in test
 *   code, is `<skipped>` with the reason: reported, but not counted;
 * - an analysed file without findings is one passing test case, `no findings`.
 */
import { formatPolicyError, type PolicyError } from '../policy/types.js';
import type { FileError } from '../model/finding.js';
import {
  failsThreshold,
  isOpenFinding,
  type ReportedFinding,
  type ScanReport,
} from './scan-report.js';
import { xmlElement, xmlText } from './xml.js';

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

interface TestCase {
  name: string;
  line?: number;
  outcome: Outcome;
  /** the child element's `message` and `type`, and its text */
  message?: string;
  type?: string;
  details?: string;
}

export function formatJunit(report: ScanReport): string {
  const casesByFile = new Map<string, TestCase[]>();
  const add = (path: string, testCase: TestCase) => {
    const cases = casesByFile.get(path) ?? [];
    cases.push(testCase);
    casesByFile.set(path, cases);
  };
  for (const error of report.policyErrors) add(error.source, policyErrorCase(error));
  for (const error of report.errors) add(error.path, fileErrorCase(error, report));
  for (const finding of report.findings) add(finding.path, findingCase(finding, report));
  for (const path of report.analyzed)
    if (!casesByFile.has(path)) add(path, { name: 'no findings', outcome: 'passed' });

  const paths = [...casesByFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const suites = paths.map((path) => testSuite(path, casesByFile.get(path) ?? []));
  const all = paths.flatMap((path) => casesByFile.get(path) ?? []);
  const root = xmlElement(
    'testsuites',
    { name: 'Posture', ...counts(all) },
    suites.length > 0 ? `\n${suites.join('\n')}\n` : '',
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

function findingCase(finding: ReportedFinding, report: ScanReport): TestCase {
  const { line, column } = finding.range;
  const common = { name: `${finding.ruleId} at ${line}:${column}`, line, type: finding.severity };
  const details = `${finding.path}:${line}:${column} ${finding.severity} ${finding.ruleId}\n${finding.message}\nfingerprint ${finding.fingerprint}`;
  if (!isOpenFinding(finding)) {
    const status = finding.status ?? 'test code';
    return {
      ...common,
      outcome: 'skipped',
      message: finding.justification ? `${status}: ${finding.justification}` : status,
    };
  }
  if (failsThreshold(finding, report.failOn))
    return { ...common, outcome: 'failure', message: finding.message, details };
  return {
    ...common,
    outcome: 'skipped',
    message: `${finding.severity}, below the fail threshold (${report.failOn}): ${finding.message}`,
  };
}

function fileErrorCase(error: FileError, report: ScanReport): TestCase {
  const located = error.line === undefined ? {} : { line: error.line };
  if (report.onUnanalysable === 'warn') {
    return {
      name: 'analysis',
      ...located,
      outcome: 'skipped',
      message: `not analysed (on_unanalysable: warn): ${error.message}`,
    };
  }
  return {
    name: 'analysis',
    ...located,
    outcome: 'error',
    type: error.kind,
    message: error.message,
    details: `${error.path}: ${error.message}`,
  };
}

function policyErrorCase(error: PolicyError): TestCase {
  return {
    name: error.key ? `policy ${error.key}` : 'policy',
    ...(error.line === undefined ? {} : { line: error.line }),
    outcome: 'error',
    type: 'invalid-policy',
    message: error.message,
    details: formatPolicyError(error),
  };
}

function testSuite(path: string, cases: readonly TestCase[]): string {
  const body = cases.map((testCase) => `    ${testCaseElement(path, testCase)}`).join('\n');
  return `  ${xmlElement('testsuite', { name: path, ...counts(cases) }, `\n${body}\n  `)}`;
}

function testCaseElement(path: string, testCase: TestCase): string {
  const attributes = { name: testCase.name, classname: path, file: path, line: testCase.line };
  if (testCase.outcome === 'passed') return xmlElement('testcase', attributes);
  const child = xmlElement(
    testCase.outcome,
    {
      message: testCase.message,
      ...(testCase.outcome === 'skipped' ? {} : { type: testCase.type }),
    },
    testCase.details === undefined ? undefined : xmlText(testCase.details),
  );
  return xmlElement('testcase', attributes, child);
}

function counts(
  cases: readonly TestCase[],
): Record<'tests' | 'failures' | 'errors' | 'skipped', number> {
  const count = (outcome: Outcome) =>
    cases.filter((testCase) => testCase.outcome === outcome).length;
  return {
    tests: cases.length,
    failures: count('failure'),
    errors: count('error'),
    skipped: count('skipped'),
  };
}
