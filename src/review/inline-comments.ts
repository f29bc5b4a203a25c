import type { Finding } from '../engine/finding.js';
import { inlineCommentBody } from '../report/comment-body.js';
import { startsOnAddedLine, type DiffMap } from './diff-map.js';
import { fingerprintAll, type LineLookup } from '../engine/fingerprint.js';
import { lastLineOf } from './finding-lines.js';
import { mostSevereFirst } from './most-severe-first.js';

/** More comments per review trip GitHub's abuse detection and bury the pull request. */
export const MAX_INLINE_COMMENTS = 30;

/** One comment of `pulls.createReview`, anchored to head lines with `line`/`side`. */
export interface InlineComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

/**
 * Turns findings into review comments, only where GitHub accepts them and the author wrote the
 * line: the first line of a finding must be an added line of the diff.
 */
export function planInlineComments(
  findings: readonly Finding[],
  diffMap: DiffMap,
  lineText: LineLookup,
): InlineComment[] {
  // Fingerprinted in the engine's order, so occurrence numbers match the CLI's SARIF output.
  const fingerprints = fingerprintAll(findings, (finding) => lineText(finding.path, finding.range.line));
  const fingerprintOf = new Map(findings.map((finding, index) => [finding, fingerprints[index] ?? '']));
  return findings
    .filter((finding) => startsOnAddedLine(diffMap, finding))
    .sort(mostSevereFirst)
    .slice(0, MAX_INLINE_COMMENTS)
    .map((finding) => toComment(finding, diffMap, fingerprintOf.get(finding) ?? ''));
}

function toComment(finding: Finding, diffMap: DiffMap, fingerprint: string): InlineComment {
  const { line } = finding.range;
  const endLine = lastLineOf(finding.range);
  const fileDiff = diffMap.get(finding.path);
  const start = fileDiff?.get(line);
  const end = fileDiff?.get(endLine);
  // A range comment needs both ends in one hunk; otherwise the first line carries the comment.
  const spansRange = endLine > line && start !== undefined && end !== undefined && start.hunk === end.hunk;
  const lastLine = spansRange ? endLine : line;
  const suggestion = finding.suggestion;
  const offerSuggestion = suggestion !== undefined && suggestion.line === line && suggestion.endLine === lastLine;
  const body = inlineCommentBody({ finding, fingerprint, offerSuggestion });
  return spansRange
    ? { path: finding.path, start_line: line, start_side: 'RIGHT', line: endLine, side: 'RIGHT', body }
    : { path: finding.path, line, side: 'RIGHT', body };
}
