/**
 * Files named on the command line that Posture does not read (`recognised.ts` tells which):
 * what to tell the person who named them, why, and how to have such a file analysed anyway.
 */
import { explainRecognition } from '../engine/detect-language.js';

/** @param path relative to the repository root, for recognition; `shownPath` is what the user sees */
export function describeUnrecognised(path: string, shownPath: string, content: string): string {
  const { reason, forceAs } = explainRecognition(path, content);
  const why = `${shownPath} was not analysed: ${reason}`;
  if (!forceAs) return why;
  return `${why}; pass --lang ${forceAs} to analyse it as ${forceAs} anyway, or list it under paths.languages.${forceAs} in .security.yml`;
}
