import { atLeast, type Finding, type Severity } from '../engine/finding.js';

export type ReviewConclusion = 'success' | 'failure' | 'neutral';

/**
 * `failure` as soon as one finding reaches the threshold, even when GitHub hid part of the pull
 * request: a known blocking problem is not made acceptable by the files we could not see.
 * Otherwise an incomplete evaluation is `neutral`, never `success`.
 */
export function decideConclusion(findings: readonly Finding[], failOn: Severity, truncated: boolean): ReviewConclusion {
  if (findings.some((finding) => atLeast(finding.severity, failOn))) return 'failure';
  return truncated ? 'neutral' : 'success';
}
