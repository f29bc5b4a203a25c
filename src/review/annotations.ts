import type { FileError, Finding, Severity } from '../model/finding.js';
import { ruleMeta } from '../report/rule-lookup.js';
import { lastLineOf } from './finding-lines.js';
import { mostSevereFirst } from './most-severe-first.js';

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

/** One entry of a check run's `output.annotations`. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
}

const LEVELS: Record<Severity, AnnotationLevel> = {
  critical: 'failure',
  high: 'failure',
  medium: 'warning',
  low: 'notice',
};

const MAX_TITLE_CHARS = 255;
/** GitHub allows 64 KB per message; characters can take several bytes. */
const MAX_MESSAGE_CHARS = 16_000;

/**
 * Annotations for the findings (the `limit` most severe), then one per file Posture could not analyse.
 * Findings in `inherited` were already on the base branch and do not count: they stay visible,
 * but only as notices, so that the diff shows in red only what the change brings.
 */
export function buildAnnotations(
  findings: readonly Finding[],
  errors: readonly FileError[],
  inherited: ReadonlySet<Finding> = new Set(),
  limit = Number.POSITIVE_INFINITY,
): CheckAnnotation[] {
  const shown = [...findings].sort(mostSevereFirst).slice(0, limit);
  return [
    ...shown.map((finding) => findingAnnotation(finding, inherited.has(finding))),
    ...errors.map(fileErrorAnnotation),
  ];
}

export function findingAnnotation(finding: Finding, inherited = false): CheckAnnotation {
  const { line, column, endColumn } = finding.range;
  const endLine = Math.max(line, lastLineOf(finding.range));
  const title = `${finding.ruleId}: ${ruleMeta(finding.ruleId)?.title ?? finding.category}`;
  return {
    path: finding.path,
    start_line: line,
    end_line: endLine,
    // GitHub accepts columns only on single-line annotations; its end column is inclusive.
    ...(endLine === line
      ? { start_column: column, end_column: Math.max(column, endColumn - 1) }
      : {}),
    // Accepted findings stay visible, but only as notices.
    annotation_level: finding.status || inherited ? 'notice' : LEVELS[finding.severity],
    title: clip(title, MAX_TITLE_CHARS),
    message: clip(
      `${finding.message}${finding.justification ? ` (${finding.justification})` : ''}${inherited ? ' (already on the base branch)' : ''}`,
      MAX_MESSAGE_CHARS,
    ),
  };
}

export function fileErrorAnnotation(error: FileError): CheckAnnotation {
  const line = error.line !== undefined && error.line >= 1 ? error.line : 1;
  return {
    path: error.path,
    start_line: line,
    end_line: line,
    annotation_level: 'warning',
    title: 'Posture could not analyse this file',
    message: clip(error.message, MAX_MESSAGE_CHARS),
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
