/**
 * Inline suppressions: `# posture:ignore <rule-or-category>[, ...] -- <reason>` on the flagged
 * line or the line above it. A reason is required, every use is listed, and a suppression
 * that matches nothing is reported, as is one the org policy does not allow.
 */
import type { Finding } from '../model/finding.js';
import type { FileModel } from '../model/model.js';
import type { InlineSuppressions } from './types.js';
import type { Notice } from './notice.js';

/** `posture:ignore <targets> -- <reason>`; rule ids contain hyphens, so only ` -- ` separates the reason. */
const DIRECTIVE = /posture:ignore\s+(.*?)(?:\s+--(?:\s+(.*?))?)?\s*$/;

interface Suppression {
  line: number;
  targets: string[];
  reason: string;
  used: boolean;
}

export function applySuppressions(
  file: FileModel,
  findings: Finding[],
  setting: InlineSuppressions,
  isLocked: (finding: Finding) => boolean,
): Notice[] {
  const notices: Notice[] = [];
  const suppressions: Suppression[] = [];
  for (const comment of file.comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const targets = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
    const reason = match[2]?.trim() ?? '';
    if (!reason) {
      notices.push({
        path: file.path,
        line: comment.range.line,
        message: `posture:ignore ${targets.join(', ')} has no reason after "--" and is not applied`,
      });
      continue;
    }
    suppressions.push({ line: comment.range.line, targets, reason, used: false });
  }
  if (suppressions.length === 0) return notices;

  for (const finding of findings) {
    if (finding.status) continue;
    const suppression = suppressions.find(
      (candidate) =>
        (candidate.line === finding.range.line || candidate.line === finding.range.line - 1) &&
        (candidate.targets.includes(finding.ruleId) ||
          candidate.targets.includes(finding.category)),
    );
    if (!suppression) continue;
    suppression.used = true;
    if (setting === 'deny' || (setting === 'deny-locked' && isLocked(finding))) {
      const scope =
        setting === 'deny' ? 'inline suppressions' : `suppressing the locked ${finding.ruleId}`;
      notices.push({
        path: file.path,
        line: suppression.line,
        message: `the org policy does not allow ${scope}; the finding stands`,
      });
      continue;
    }
    finding.status = 'suppressed';
    finding.justification = `suppressed inline: ${suppression.reason}`;
  }
  for (const suppression of suppressions) {
    if (!suppression.used) {
      notices.push({
        path: file.path,
        line: suppression.line,
        message: `posture:ignore ${suppression.targets.join(', ')} matches no finding`,
      });
    }
  }
  return notices;
}
