/**
 * What an analysis reports before it has read any file: the policy's own notices. An analysis of
 * files starts from it, and a scan that finds no file reports it without loading the engine.
 */
import type { EffectivePolicy } from '../policy/types.js';
import { expiredWaiverNotices } from '../policy/waivers.js';
import type { AnalysisResult } from './analyze.js';

export function emptyAnalysis(policy: EffectivePolicy, now: Date): AnalysisResult {
  return {
    findings: [],
    errors: [],
    notices: expiredWaiverNotices(policy.waivers, now),
    analyzed: [],
  };
}
