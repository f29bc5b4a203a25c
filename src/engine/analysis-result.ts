/**
 * What an analysis gives back, and what it reports before it has read any file: the policy's own
 * notices. An analysis of files starts from that, and a scan that finds no file reports it
 * without loading the engine.
 */
import type { FileError, Finding } from '../model/finding.js';
import type { FileModel, Language } from '../model/model.js';
import type { Notice } from '../policy/notice.js';
import type { EffectivePolicy } from '../policy/types.js';
import { expiredWaiverNotices } from '../policy/waivers.js';

export interface AnalyzedFile {
  path: string;
  language: Language;
}

export interface AnalysisResult {
  /** every finding, including waived and suppressed ones (see `status`) and those in test code (`context`) */
  findings: Finding[];
  /**
   * recognised files that could not be analysed, at most one per file; test code that the policy
   * reports apart gives a notice instead
   */
  errors: FileError[];
  /** what the policy did that a reviewer should know: unused suppressions, expired waivers */
  notices: Notice[];
  /** the files that were recognised and analysed (with or without findings) */
  analyzed: AnalyzedFile[];
  /**
   * With `keepModels`: by path, the model of every file Posture reads that the policy's `paths`
   * keep in scope and that parsed, in the language the policy gives it, whether or not a rule
   * runs on it. Test code that the policy reports apart has none: it touches no surface.
   */
  models?: Map<string, FileModel>;
}

export function emptyAnalysis(policy: EffectivePolicy, now: Date): AnalysisResult {
  return {
    findings: [],
    errors: [],
    notices: expiredWaiverNotices(policy.waivers, now),
    analyzed: [],
  };
}
