/**
 * Changed files GitHub lists but Posture cannot read as text: a version GitHub serves as binary
 * (a NUL byte is enough, and Ruby stops reading at one while Chef still runs what comes before),
 * or a symbolic link, whose blob is the path it points to while Ansible, Puppet and Chef read the
 * file there. Such a file is reported as unanalysable, never passed over, when its name or place
 * says Posture would analyse it; the policy then treats it like any file that would not parse.
 */
import { analysedByPath } from '../engine/detect-language.js';
import { reportApart } from '../engine/report-apart.js';
import { isTestCode } from '../languages/test-code.js';
import type { FileError } from '../model/file-error.js';
import type { Notice } from '../policy/notice.js';
import { pathInScope } from '../policy/resolve-rules.js';
import type { EffectivePolicy } from '../policy/types.js';

/** Git's mode of a symbolic link, as trees list it. */
export const SYMBOLIC_LINK_MODE = '120000';

export function binaryFileError(path: string): FileError {
  return {
    path,
    kind: 'unreadable',
    message:
      'binary or unreadable: GitHub gives no text for this version of the file (one NUL byte makes a file binary), so Posture could not analyse it, while the tool that runs it may still read it',
  };
}

export function symbolicLinkError(path: string, target: string | undefined): FileError {
  const to = target === undefined ? '' : ` to ${target.trim()}`;
  return {
    path,
    kind: 'unreadable',
    message: `a symbolic link${to}: Posture does not follow links, while the tool that runs it reads what it points to; commit the file or folder itself`,
  };
}

/**
 * Whether a link Posture would not read by its own name may stand for code it reads: a target
 * without an extension (a folder, so that `roles/web/tasks` pointing to another role's `files/`
 * runs YAML no review read as tasks), or a file Posture would analyse were it in the link's
 * place. A link to a certificate or an image is left alone.
 */
export function linkMayStandForCode(linkPath: string, target: string): boolean {
  const name = target.trim().replace(/\/+$/, '').split('/').at(-1) ?? '';
  if (!/\.[^.]+$/.test(name)) return true;
  const folder = linkPath.slice(0, linkPath.lastIndexOf('/') + 1);
  return analysedByPath(`${folder}${name}`);
}

/**
 * What the policy makes of changed files that could not be read, as the analysis does with a
 * file that would not parse: test code under `test_code: report` is a notice outside the
 * verdict and under `ignore` nothing; a path the policy leaves out is nothing, unless the org
 * locks rules, which run on every path.
 */
export function judgeUnreadable(
  unreadable: readonly FileError[],
  policy: EffectivePolicy,
): { errors: FileError[]; notices: Notice[] } {
  const errors: FileError[] = [];
  const notices: Notice[] = [];
  for (const error of unreadable) {
    if (isTestCode(error.path) && policy.testCode !== 'production') {
      if (policy.testCode === 'report')
        notices.push(...reportApart({ findings: [], notices: [], error }).notices);
      continue;
    }
    if (!pathInScope(policy, error.path) && policy.locked.size === 0) continue;
    errors.push(error);
  }
  return { errors, notices };
}
