/**
 * Files named on the command line that Posture does not read: which they are, and what to tell
 * the person who named them (why, and how to have such a file analysed anyway).
 */
import { analysedLanguage, type AnalyzeOptions } from '../engine/analyze.js';
import { explainRecognition } from '../engine/detect-language.js';
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

/** @param path relative to the repository root, for recognition; `shownPath` is what the user sees */
export function describeUnrecognised(path: string, shownPath: string, content: string): string {
  const { reason, forceAs } = explainRecognition(path, content);
  const why = `${shownPath} was not analysed: ${reason}`;
  if (!forceAs) return why;
  return `${why}; pass --lang ${forceAs} to analyse it as ${forceAs} anyway, or list it under paths.languages.${forceAs} in .security.yml`;
}
