/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per finding, which the
 * runner turns into an annotation on the file and line (paths relative to the repository root,
 * as GitHub expects), then the summary as plain log lines.
 *
 *   ::error file=roles/web/tasks/main.yml,line=5,col=5,endColumn=19,title=tls-verification-disabled (high)::`validate_certs` …
 *
 * Findings that fail the scan are errors, other open findings warnings; waived, suppressed and
 * baselined findings, and those in test code, are left out. GitHub shows a limited number of annotations per step, so
 * the most severe come first.
 */
import { severityRank } from '../model/finding.js';
import { plainSummary } from './text.js';
import {
  failsThreshold,
  isInsideRoot,
  isOpenFinding,
  type ReportedFinding,
  type ScanReport,
} from './scan-report.js';

type CommandLevel = 'error' | 'warning' | 'notice';

interface Annotation {
  level: CommandLevel;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title: string;
  message: string;
}

export function formatGithub(report: ScanReport): string {
  const annotations: Annotation[] = [
    ...report.policyErrors.map((error) => ({
      level: 'error' as const,
      ...(isInsideRoot(error.source) ? { file: error.source } : {}),
      ...(error.line === undefined ? {} : { line: error.line }),
      title: 'Posture: invalid policy',
      message: error.key
        ? `${error.source}: ${error.key}: ${error.message}`
        : `${error.source}: ${error.message}`,
    })),
    ...report.errors.map((error) => ({
      level: report.onUnanalysable === 'fail' ? ('error' as const) : ('warning' as const),
      file: error.path,
      ...(error.line === undefined ? {} : { line: error.line }),
      title: `Posture could not analyse this file (${error.kind})`,
      message: error.message,
    })),
    ...mostSevereFirst(report.findings.filter(isOpenFinding)).map((finding) =>
      findingAnnotation(finding, report),
    ),
  ];
  return `${[...annotations.map(workflowCommand), ...plainSummary(report)].join('\n')}\n`;
}

function findingAnnotation(finding: ReportedFinding, report: ScanReport): Annotation {
  const { line, column, endLine, endColumn } = finding.range;
  const startLine = Math.max(1, line);
  const startColumn = Math.max(1, column);
  const endsAfterStart = endLine > startLine || (endLine === startLine && endColumn > startColumn);
  return {
    level: failsThreshold(finding, report.failOn) ? 'error' : 'warning',
    file: finding.path,
    line: startLine,
    ...(endsAfterStart ? { endLine, col: startColumn, endColumn } : { col: startColumn }),
    title: `${finding.ruleId} (${finding.severity})`,
    message: finding.message,
  };
}

function mostSevereFirst(findings: readonly ReportedFinding[]): ReportedFinding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

/** `::level key=value,…::message`, each part escaped as the Actions toolkit does. */
export function workflowCommand(annotation: Annotation): string {
  const properties: [string, string | number | undefined][] = [
    ['file', annotation.file],
    ['line', annotation.line],
    ['endLine', annotation.endLine],
    ['col', annotation.col],
    ['endColumn', annotation.endColumn],
    ['title', annotation.title],
  ];
  const written = properties
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${annotation.level} ${written.join(',')}::${escapeData(annotation.message)}`;
}

/** A command's message ends at the line's end, so line breaks (and the escape character) are encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also ends at `,` (the next property) and `:` (the message). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
