import { compareNames, severityRank, type Finding } from '../model/finding.js';

/** Most severe first, then by path and position: the order in which findings deserve attention. */
export function mostSevereFirst(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareNames(a.path, b.path) ||
    a.range.line - b.range.line ||
    a.range.column - b.range.column ||
    compareNames(a.ruleId, b.ruleId)
  );
}
