/**
 * Package signature checks turned off: by a setting (`gpgcheck: no`, `allow_unauthenticated:
 * true`, `[trusted=yes]`), by an `ini_file` edit of a repository file, or in file content.
 * Read by the rule that flags it and by the rule that judges what a plain-HTTP repository
 * exposes (nothing much, while its signatures are checked).
 */
import type { FileModel, SourceRange } from '../../model/model.js';
import type { Assignment } from './assignments.js';
import { nameWords } from './names.js';
import { rangeOfMatch, valueRange } from './source-lines.js';
import { isFalse, isTrue, literalText, ownStrings } from './values.js';
import {
  SIGNATURE_CHECK_SETTINGS,
  SIGNATURE_SKIP_SETTINGS,
  SOURCE_ENABLED_SETTINGS,
  endsWithSetting,
} from '../knowledge/settings.js';

/** Signature checks turned off inside file content: repo files, APT sources, ini edits. */
const SIGNATURES_OFF_IN_TEXT =
  /(^|\n|\s)gpgcheck\s*=\s*(0|false|no)\b|\[[^\]]*\btrusted=yes\b[^\]]*\]|AllowUnauthenticated\s+"?(true|1)|(^|\s)--(nogpgcheck|no-gpg-checks|nosignature|allow-unauthenticated|allow-insecure-repositories|force-yes)\b/i;

export interface SignaturesOff {
  /** where the value that turns them off sits */
  range: SourceRange;
  /** what turns them off, quoting it */
  what: string;
}

/** How an assignment turns package signature checks off, if it does. */
export function signaturesOffBy(
  file: FileModel,
  assignment: Assignment,
): SignaturesOff | undefined {
  const { name, value, siblings } = assignment;
  const words = nameWords(name);
  if (
    (endsWithSetting(words, SIGNATURE_CHECK_SETTINGS) && isFalse(value)) ||
    (endsWithSetting(words, SIGNATURE_SKIP_SETTINGS) && isTrue(value))
  ) {
    return { range: valueRange(file, value), what: `\`${name}\` set to \`${value.text}\`` };
  }
  if (
    file.language === 'ansible' &&
    assignment.unit?.type === 'apt' &&
    assignment.path.length === 1 &&
    name === 'force' &&
    isTrue(value)
  ) {
    // apt's `force` is apt-get's `--force-yes`, which implies `allow_unauthenticated`.
    return {
      range: valueRange(file, value),
      what: `apt's \`force\` set to \`${value.text}\` (\`--force-yes\`, which accepts unauthenticated packages)`,
    };
  }
  // Looked up only for an `option`: a vars file's keys are all siblings of one another.
  const optionValue =
    name === 'option' && literalText(value) === 'gpgcheck'
      ? siblings.find((sibling) => sibling.name === 'value')
      : undefined;
  if (optionValue && isFalse(optionValue.value)) {
    return {
      range: valueRange(file, optionValue.value),
      what: `\`gpgcheck\` set to \`${optionValue.value.text}\` in a repository file`,
    };
  }
  for (const text of ownStrings(value)) {
    const match = SIGNATURES_OFF_IN_TEXT.exec(text.value);
    if (match)
      return {
        range: rangeOfMatch(file, text.range, SIGNATURES_OFF_IN_TEXT),
        what: `\`${name}\` with \`${match[0].trim()}\``,
      };
  }
  return undefined;
}

/** Whether any of these assignments (a task's, a resource's, one mapping's) turns signature checks off. */
export function turnSignaturesOff(file: FileModel, candidates: readonly Assignment[]): boolean {
  return candidates.some((candidate) => signaturesOffBy(file, candidate) !== undefined);
}

/** The assignments declared beside one: the rest of its task or resource, or of its mapping. */
export function neighboursOf(all: readonly Assignment[], assignment: Assignment): Assignment[] {
  return assignment.unit
    ? all.filter((other) => other.unit === assignment.unit)
    : all.filter((other) => other.siblings === assignment.siblings);
}

/**
 * A repository or source switched off (`enabled: false` on its task or resource, or in its own
 * mapping): nothing is installed from it. A variable such as `app_enabled: false` beside it in a
 * vars file switches something else off.
 */
export function isSwitchedOff(neighbours: readonly Assignment[]): boolean {
  return neighbours.some(
    (other) =>
      SOURCE_ENABLED_SETTINGS.includes(other.name.toLowerCase()) &&
      (other.unit ? other.path.length === 1 : other.path.length > 1) &&
      isFalse(other.value),
  );
}
