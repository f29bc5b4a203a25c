import { severityRank, type Finding } from '../model/finding.js';

/** Most severe first, then by path and position: the order in which findings deserve attention. */
export function mostSevereFirst(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.path.localeCompare(b.path) ||
    a.range.line - b.range.line ||
    a.range.column - b.range.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
