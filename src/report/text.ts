/**
 * Terminal output: findings and file errors grouped by file, then one summary line.
 *
 *   roles/web/tasks/main.yml
 *     5:21  high    tls-verification-disabled  Certificate validation is turned off
 *     3:10  medium  http-without-tls  Download over plain HTTP
 */
import { SEVERITIES, isOpen, type FileError, type Finding, type Severity } from '../engine/finding.js';
import type { Notice } from '../policy/notice.js';
import type { OnUnanalysable } from '../policy/types.js';

export interface TextReportInput {
  findings: readonly Finding[];
  errors: readonly FileError[];
  notices?: readonly Notice[];
  analyzedCount: number;
  /** what files that could not be analysed do to the exit code, for the closing advice */
  onUnanalysable: OnUnanalysable;
}

export interface TextReportOptions {
  color: boolean;
}

type Style = 'bold' | 'dim' | 'red' | 'boldRed' | 'yellow' | 'blue' | 'green' | 'underline';

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

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { critical: 'boldRed', high: 'red', medium: 'yellow', low: 'blue' };

interface Row {
  line: number;
  column: number;
  position: string;
  label: string;
  labelStyle: Style;
  ruleId?: string;
  message: string;
}

export function formatText(input: TextReportInput, options: TextReportOptions): string {
  const paint = (style: Style, text: string) => (options.color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text);
  const rowsByPath = groupRows(input);
  const blocks: string[] = [];
  for (const [path, rows] of rowsByPath) {
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
  blocks.push([summaryLine(input, paint), ...unanalysedAdvice(input)].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function groupRows(input: TextReportInput): Map<string, Row[]> {
  const rowsByPath = new Map<string, Row[]>();
  const add = (path: string, row: Row) => {
    const rows = rowsByPath.get(path) ?? [];
    rows.push(row);
    rowsByPath.set(path, rows);
  };
  for (const finding of input.findings) {
    const { line, column } = finding.range;
    add(finding.path, {
      line,
      column,
      position: `${line}:${column}`,
      label: finding.status ?? finding.severity,
      labelStyle: finding.status ? 'dim' : SEVERITY_STYLE[finding.severity],
      ruleId: finding.ruleId,
      message: finding.justification ? `${finding.message} (${finding.justification})` : finding.message,
    });
  }
  /** A row without a rule: a policy notice or a file error (with its kind), located by line when it has one. */
  const addPlain = (entry: { path: string; line?: number; message: string; kind?: string }, label: string, labelStyle: Style) =>
    add(entry.path, {
      line: entry.line ?? 0,
      column: 0,
      position: entry.line === undefined ? '-' : String(entry.line),
      label,
      labelStyle,
      ...(entry.kind ? { ruleId: entry.kind } : {}),
      message: entry.message,
    });
  for (const notice of input.notices ?? []) addPlain(notice, 'notice', 'yellow');
  for (const error of input.errors) addPlain(error, 'error', 'red');
  const sorted = [...rowsByPath.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, rows] of sorted) rows.sort((a, b) => a.line - b.line || a.column - b.column);
  return new Map(sorted);
}

function summaryLine(input: TextReportInput, paint: (style: Style, text: string) => string): string {
  const open = input.findings.filter(isOpen);
  const counts = SEVERITIES.map((severity) => {
    const count = open.filter((finding) => finding.severity === severity).length;
    const text = `${count} ${severity}`;
    return count > 0 ? paint(SEVERITY_STYLE[severity], text) : text;
  });
  const findings = `${plural(open.length, 'finding')} (${counts.join(', ')})`;
  const accepted = input.findings.length - open.length;
  const errors = plural(input.errors.length, 'file error');
  const analysed = `${plural(input.analyzedCount, 'file')} analysed`;
  return [
    open.length > 0 ? paint('bold', findings) : paint('green', findings),
    ...(accepted > 0 ? [`${accepted} waived or suppressed`] : []),
    input.errors.length > 0 ? paint('red', errors) : errors,
    analysed,
  ].join(', ');
}

/** What files that could not be analysed mean for this scan, and how to get past them. */
function unanalysedAdvice({ errors, onUnanalysable }: TextReportInput): string[] {
  if (errors.length === 0) return [];
  const one = errors.length === 1;
  const subject = one ? '1 file could not be analysed' : `${errors.length} files could not be analysed`;
  if (onUnanalysable === 'warn') return [`${subject}; ${one ? 'its' : 'their'} findings are unknown (on_unanalysable: warn lets the scan pass).`];
  return [`${subject}, so the scan fails: fix, split or simplify ${one ? 'it' : 'them'}, or pass --on-unanalysable warn (on_unanalysable: warn in the policy).`];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
