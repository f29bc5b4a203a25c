/**
 * The scan's verdict, the check run's rule: an open finding at the fail threshold fails it, and
 * so does a file Posture should have read but could not, unless `on_unanalysable: warn` says
 * otherwise.
 */
import type { FileError } from '../model/finding.js';
import type { OnUnanalysable, Threshold } from '../policy/types.js';
import { failsThreshold, type ReportedFinding } from '../report/scan-report.js';

export type ExitCode = 0 | 1 | 2;

export function failsScan(
  findings: readonly Pick<ReportedFinding, 'status' | 'context' | 'severity'>[],
  errors: readonly FileError[],
  failOn: Threshold,
  onUnanalysable: OnUnanalysable,
): boolean {
  if (onUnanalysable === 'fail' && errors.length > 0) return true;
  return findings.some((finding) => failsThreshold(finding, failOn));
}
