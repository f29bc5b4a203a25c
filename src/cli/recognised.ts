/**
 * Whether a file named on the command line is one Posture reads; `unrecognised.ts` says what
 * to tell the person who named one that it does not.
 */
import { analysedLanguage, type AnalyzeOptions } from '../engine/analyze.js';
import { planPasses } from '../engine/rule-passes.js';
import { isTestCode } from '../languages/test-code.js';
import { defaultPolicy } from '../policy/defaults.js';

/**
 * Whether Posture reads a file as one of its languages, under `--lang` and the policy's
 * `paths.languages`. A recognised file may still go unanalysed, when the policy excludes it,
 * turns off every rule for it or ignores test code; that is the policy's decision, not a
 * mistake on the command line.
 */
export function isRecognised(path: string, content: string, options: AnalyzeOptions): boolean {
  const policy = options.policy ?? defaultPolicy();
  if (planPasses(policy, [], path, content, options.language).language !== undefined) return true;
  if (analysedLanguage(path, content, options) !== undefined) return true;
  return policy.testCode === 'ignore' && isTestCode(path);
}
