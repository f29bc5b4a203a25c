/**
 * Whether a renamed file's old version is the one to match its findings against, so that the
 * findings it already had count as existing. A file moved to where it plays another part has
 * none: out of a test folder, from a name Posture does not read, from another language, into
 * another folder (from `vars/` into `tasks/`), or between paths the policy reads otherwise (out
 * of a path it excludes, away from a waiver). Its code now runs, or runs otherwise, or is judged
 * as it never was, and every finding in it is new.
 */
import { foldersOf } from '../languages/layout.js';
import { isTestCode } from '../languages/test-code.js';
import { isDeployedFile } from '../parsers/config/formats.js';
import { readsPathsAlike } from '../policy/resolve-rules.js';
import type { EffectivePolicy } from '../policy/types.js';
import { analysedByPath, languageByPath } from './detect-language.js';

/**
 * `policy` may be left out where it is not known yet (a review lists the change before it reads
 * the policy); the answer then stands for the paths alone.
 */
export function comparableRename(before: string, after: string, policy?: EffectivePolicy): boolean {
  if (before === after) return true;
  return samePart(before, after) && (!policy || readsPathsAlike(policy, before, after));
}

/** Whether two paths give a file the same part: the folder holding it, and how Posture reads it. */
function samePart(before: string, after: string): boolean {
  const part = (path: string) => [
    foldersOf(path).at(-1) ?? '',
    analysedByPath(path),
    isTestCode(path),
    isDeployedFile(path),
    languageByPath(path),
  ];
  const [a, b] = [part(before), part(after)];
  return a.every((value, index) => value === b[index]);
}
