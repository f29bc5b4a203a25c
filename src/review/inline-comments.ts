/**
 * Which new findings get a comment, and where: inline on a line the pull request added (or, when
 * the policy asks, on an unchanged line the diff shows), on the whole file when the finding is
 * outside the diff and the policy asks for that, and nowhere when Posture already has a visible
 * comment for the same fingerprint.
 */
import { fingerprintHash, type FingerprintedFinding } from '../engine/diff-findings.js';
import { inlineCommentBody } from '../report/comment-body.js';
import type { DiffMap } from './diff-map.js';
import { lastLineOf } from './finding-lines.js';
import { mostSevereFirst } from './most-severe-first.js';

/** More comments per review trip GitHub's abuse detection and bury the pull request. */
export const MAX_INLINE_COMMENTS = 30;
/** File comments each cost a request of their own. */
export const MAX_FILE_COMMENTS = 10;

/** One comment of `pulls.createReview`, anchored to head lines with `line`/`side`. */
export interface InlineComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

/** A comment on a whole file (`subject_type: file`), for a finding outside the diff. */
export interface FileComment {
  path: string;
  body: string;
}

export interface CommentOptions {
  /** comment on unchanged lines the diff shows, not only on added ones */
  contextLines: boolean;
  /** comment on the file for findings outside the diff */
  outsideDiff: boolean;
  /** visible Posture comments by fingerprint hash; each one covers one finding */
  alreadyCommented: ReadonlyMap<string, number>;
  /** where rule documentation links point, when the deployment has a place (`RULE_DOCS_URL`) */
  docsBase?: string;
}

export interface CommentPlan {
  inline: InlineComment[];
  onFiles: FileComment[];
  /** findings whose comment from an earlier push is still there */
  alreadyCommented: number;
}

const NO_EARLIER_COMMENTS: CommentOptions = {
  contextLines: false,
  outsideDiff: false,
  alreadyCommented: new Map(),
};

export function planComments(
  findings: readonly FingerprintedFinding[],
  diffMap: DiffMap,
  options: CommentOptions = NO_EARLIER_COMMENTS,
): CommentPlan {
  const remaining = new Map(options.alreadyCommented);
  const plan: CommentPlan = { inline: [], onFiles: [], alreadyCommented: 0 };
  for (const item of [...findings].sort((a, b) => mostSevereFirst(a.finding, b.finding))) {
    const hash = fingerprintHash(item.fingerprint);
    const earlier = remaining.get(hash) ?? 0;
    if (earlier > 0) {
      remaining.set(hash, earlier - 1);
      plan.alreadyCommented += 1;
      continue;
    }
    const kind = diffMap.get(item.finding.path)?.get(item.finding.range.line)?.kind;
    const anchored = kind === 'added' || (kind === 'context' && options.contextLines);
    if (anchored && plan.inline.length < MAX_INLINE_COMMENTS)
      plan.inline.push(toInlineComment(item, diffMap, options.docsBase));
    else if (!kind && options.outsideDiff && plan.onFiles.length < MAX_FILE_COMMENTS) {
      plan.onFiles.push({
        path: item.finding.path,
        body: inlineCommentBody({
          finding: item.finding,
          fingerprint: item.fingerprint,
          offerSuggestion: false,
          onFile: true,
          ...docsOf(options),
        }),
      });
    }
  }
  return plan;
}

function docsOf(options: CommentOptions): { docsBase?: string } {
  return options.docsBase ? { docsBase: options.docsBase } : {};
}

function toInlineComment(
  { finding, fingerprint }: FingerprintedFinding,
  diffMap: DiffMap,
  docsBase: string | undefined,
): InlineComment {
  const { line } = finding.range;
  const endLine = lastLineOf(finding.range);
  const fileDiff = diffMap.get(finding.path);
  const start = fileDiff?.get(line);
  const end = fileDiff?.get(endLine);
  // A range comment needs both ends in one hunk; otherwise the first line carries the comment.
  const spansRange =
    endLine > line && start !== undefined && end !== undefined && start.hunk === end.hunk;
  const lastLine = spansRange ? endLine : line;
  const suggestion = finding.suggestion;
  const offerSuggestion =
    suggestion !== undefined && suggestion.line === line && suggestion.endLine === lastLine;
  const body = inlineCommentBody({
    finding,
    fingerprint,
    offerSuggestion,
    ...(docsBase ? { docsBase } : {}),
  });
  return spansRange
    ? {
        path: finding.path,
        start_line: line,
        start_side: 'RIGHT',
        line: endLine,
        side: 'RIGHT',
        body,
      }
    : { path: finding.path, line, side: 'RIGHT', body };
}
