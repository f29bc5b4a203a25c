/**
 * Posture's earlier comments on a pull request, and which of them to fold away now. A comment is
 * Posture's only when the app wrote it and it carries the fingerprint marker; a thread anyone else
 * wrote in is a conversation, and Posture leaves it alone whatever happened to the finding.
 */
import { fingerprintHash, type FingerprintedFinding } from '../engine/diff-findings.js';
import { isOpen } from '../model/finding.js';
import { markedFingerprintHash } from '../report/comment-body.js';
import type { ReviewThread } from './pull-request-state.js';

export interface PostureComment {
  nodeId: string;
  /** the fingerprint hash of the finding it is about */
  hash: string;
  isMinimized: boolean;
  /** someone other than Posture wrote in the thread */
  answered: boolean;
}

export type MinimizeClassifier = 'RESOLVED' | 'OUTDATED';

export interface CommentToMinimize {
  nodeId: string;
  /** RESOLVED: the finding is gone from the head; OUTDATED: it is still there but accepted */
  classifier: MinimizeClassifier;
}

export function postureComments(threads: readonly ReviewThread[]): PostureComment[] {
  const found: PostureComment[] = [];
  for (const thread of threads) {
    const [first] = thread.comments;
    if (!first?.byPosture) continue;
    const hash = markedFingerprintHash(first.body);
    if (!hash) continue;
    found.push({
      nodeId: first.nodeId,
      hash,
      isMinimized: first.isMinimized,
      answered: thread.comments.some((comment) => !comment.byPosture),
    });
  }
  return found;
}

/** How many visible Posture comments each fingerprint hash already has: a later push never repeats them. */
export function visibleCommentCounts(comments: readonly PostureComment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const comment of comments)
    if (!comment.isMinimized) counts.set(comment.hash, (counts.get(comment.hash) ?? 0) + 1);
  return counts;
}

/**
 * The visible, unanswered comments whose finding no longer needs them: more comments for a
 * fingerprint than the head has open findings with it. Answered comments count as kept first,
 * since they stay in any case.
 */
export function commentsToMinimize(
  comments: readonly PostureComment[],
  headFindings: readonly FingerprintedFinding[],
): CommentToMinimize[] {
  const open = new Map<string, number>();
  const present = new Set<string>();
  for (const { finding, fingerprint } of headFindings) {
    const hash = fingerprintHash(fingerprint);
    present.add(hash);
    if (isOpen(finding)) open.set(hash, (open.get(hash) ?? 0) + 1);
  }
  const byHash = new Map<string, PostureComment[]>();
  for (const comment of comments.filter((candidate) => !candidate.isMinimized)) {
    const group = byHash.get(comment.hash) ?? [];
    group.push(comment);
    byHash.set(comment.hash, group);
  }
  const minimize: CommentToMinimize[] = [];
  for (const [hash, group] of byHash) {
    const surplus = [...group]
      .sort((a, b) => Number(b.answered) - Number(a.answered))
      .slice(open.get(hash) ?? 0);
    const classifier: MinimizeClassifier = present.has(hash) ? 'OUTDATED' : 'RESOLVED';
    for (const comment of surplus.filter((candidate) => !candidate.answered))
      minimize.push({ nodeId: comment.nodeId, classifier });
  }
  return minimize;
}
