/**
 * Terminal output: findings, file errors and policy problems grouped by file, then the
 * summary, what the exit code is about, and which policy applied.
 *
 *   roles/web/tasks/main.yml
 *     5:21  high    tls-verification-disabled  Certificate validation is turned off
 *     3:10  medium  http-without-tls  Download over plain HTTP
 */
import { SEVERITIES, type Severity } from '../model/finding.js';
import { isOpenFinding, type AppliedPolicy, type ScanReport } from './scan-report.js';

export interface TextReportOptions {
  color: boolean;
}

type Style = 'bold' | 'dim' | 'red' | 'boldRed' | 'yellow' | 'blue' | 'green' | 'underline';
type Paint = (style: Style, text: string) => string;

const ANSI: Readonly<Record<Style, [string, string]>> = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  underline: ['\u001b[4m', '\u001b[24m'],
  red: ['\u001b[31m', '\u001b[39m'],
  boldRed: ['\u001b[1;31m', '\u001b[22;39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  blue: ['\u001b[34m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
};

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = {
  critical: 'boldRed',
  high: 'red',
  medium: 'yellow',
  low: 'blue',
};

interface Row {
  line: number;
  column: number;
  position: string;
  label: string;
  labelStyle: Style;
  ruleId?: string;
  message: string;
}

export function formatText(report: ScanReport, options: TextReportOptions): string {
  const paint: Paint = (style, text) =>
    options.color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text;
  const blocks: string[] = [];
  for (const [path, rows] of groupRows(report)) {
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const labelWidth = Math.max(...rows.map((row) => row.label.length));
    const lines = rows.map((row) => {
      const columns = [
        paint('dim', row.position.padEnd(positionWidth)),
        paint(row.labelStyle, row.label.padEnd(labelWidth)),
        ...(row.ruleId ? [paint('dim', row.ruleId)] : []),
        row.message,
      ];
      return `  ${columns.join('  ')}`;
    });
    blocks.push([paint('underline', path), ...lines].join('\n'));
  }
  blocks.push(closingLines(report, paint).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/** The summary, what the exit code is about, and the policy, without colour: the end of every report a person reads. */
export function plainSummary(report: ScanReport): string[] {
  return closingLines(report, (_style, text) => text);
}

function closingLines(report: ScanReport, paint: Paint): string[] {
  return [
    summaryLine(report, paint),
    ...comparisonLines(report),
    ...unanalysedAdvice(report),
    ...policyAdvice(report),
    policyLine(report.policies, report.displayPath),
  ];
}

/** Which policy files judged the scan, in the order they were layered. */
export function policyLine(
  policies: readonly AppliedPolicy[],
  displayPath: (path: string) => string,
): string {
  if (policies.length === 0)
    return "Policy: Posture's defaults (no .security.yml between the scanned paths and the repository root)";
  const layers = [...policies]
    .reverse()
    .map((policy) =>
      policy.layer === 'org'
        ? `the org policy ${displayPath(policy.path)}`
        : displayPath(policy.path),
    );
  return `Policy: ${layers.join(' over ')} over Posture's defaults`;
}

function groupRows(report: ScanReport): Map<string, Row[]> {
  const rowsByPath = new Map<string, Row[]>();
  const add = (path: string, row: Row) => {
    const shown = report.displayPath(path);
    const rows = rowsByPath.get(shown) ?? [];
    rows.push(row);
    rowsByPath.set(shown, rows);
  };
  for (const finding of report.findings) {
    const { line, column } = finding.range;
    add(finding.path, {
      line,
      column,
      position: `${line}:${column}`,
      label: finding.status ?? (finding.context === 'test' ? 'test' : finding.severity),
      labelStyle: isOpenFinding(finding) ? SEVERITY_STYLE[finding.severity] : 'dim',
      ruleId: finding.ruleId,
      message: finding.justification
        ? `${finding.message} (${finding.justification})`
        : finding.message,
    });
  }
  /** A row without a rule: a notice, a file error (with its kind) or a policy error, located by line when it has one. */
  const addPlain = (
    entry: { path: string; line?: number; message: string; kind?: string },
    label: string,
    labelStyle: Style,
  ) =>
    add(entry.path, {
      line: entry.line ?? 0,
      column: 0,
      position: entry.line === undefined ? '-' : String(entry.line),
      label,
      labelStyle,
      ...(entry.kind ? { ruleId: entry.kind } : {}),
      message: entry.message,
    });
  for (const notice of report.notices) addPlain(notice, 'notice', 'yellow');
  for (const error of report.errors) addPlain(error, 'error', 'red');
  for (const error of report.policyErrors) {
    const message = error.key ? `${error.key}: ${error.message}` : error.message;
    addPlain(
      {
        path: error.source,
        ...(error.line === undefined ? {} : { line: error.line }),
        message,
        kind: 'policy',
      },
      'error',
      'red',
    );
  }
  const sorted = [...rowsByPath.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, rows] of sorted) rows.sort((a, b) => a.line - b.line || a.column - b.column);
  return new Map(sorted);
}

function summaryLine(report: ScanReport, paint: Paint): string {
  const open = report.findings.filter(isOpenFinding);
  const counts = SEVERITIES.map((severity) => {
    const count = open.filter((finding) => finding.severity === severity).length;
    const text = `${count} ${severity}`;
    return count > 0 ? paint(SEVERITY_STYLE[severity], text) : text;
  });
  const findings = `${plural(open.length, 'finding')} (${counts.join(', ')})`;
  const policyAccepted = report.findings.filter(
    (finding) => finding.status === 'waived' || finding.status === 'suppressed',
  ).length;
  const baselined = report.findings.filter((finding) => finding.status === 'baselined').length;
  const inTestCode = report.findings.filter(
    (finding) => finding.status === undefined && finding.context === 'test',
  ).length;
  const errors = plural(report.errors.length, 'file error');
  const analysed = `${plural(report.analyzed.length, 'file')} analysed`;
  return [
    open.length > 0 ? paint('bold', findings) : paint('green', findings),
    ...(policyAccepted > 0 ? [`${policyAccepted} waived or suppressed`] : []),
    ...(baselined > 0 ? [`${baselined} in the baseline`] : []),
    ...(inTestCode > 0 ? [`${inTestCode} in test code`] : []),
    report.errors.length > 0 ? paint('red', errors) : errors,
    analysed,
  ].join(', ');
}

/** What the findings were compared against: a baseline file, a git revision. */
function comparisonLines({ baseline, diffBase }: ScanReport): string[] {
  const lines: string[] = [];
  if (diffBase) {
    const existing =
      diffBase.existing === 1 ? '1 finding that was' : `${diffBase.existing} findings that were`;
    lines.push(
      `Only findings new since ${diffBase.ref} are listed; ${existing} already there ${diffBase.existing === 1 ? 'is' : 'are'} left out.`,
    );
  }
  if (baseline) {
    const stale =
      baseline.unmatched > 0
        ? `; ${plural(baseline.unmatched, 'entry', 'entries')} no longer ${baseline.unmatched === 1 ? 'matches' : 'match'} anything`
        : '';
    lines.push(
      `Baseline ${baseline.file}: ${baseline.accepted} ${baseline.accepted === 1 ? 'finding' : 'findings'} accepted${stale}.`,
    );
  }
  return lines;
}

/** What files that could not be analysed mean for this scan, and how to get past them. */
function unanalysedAdvice({ errors, onUnanalysable }: ScanReport): string[] {
  if (errors.length === 0) return [];
  const one = errors.length === 1;
  const subject = one
    ? '1 file could not be analysed'
    : `${errors.length} files could not be analysed`;
  if (onUnanalysable === 'warn')
    return [
      `${subject}; ${one ? 'its' : 'their'} findings are unknown (on_unanalysable: warn lets the scan pass).`,
    ];
  return [
    `${subject}, so the scan fails: fix, split or simplify ${one ? 'it' : 'them'}, or pass --on-unanalysable warn (on_unanalysable: warn in the policy).`,
  ];
}

function policyAdvice({ policyErrors }: ScanReport): string[] {
  if (policyErrors.length === 0) return [];
  return [
    'The policy is invalid, so the scan fails (exit 2): the findings above come from its valid layers only. Fix it; `posture config validate` checks it.',
  ];
}

function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
