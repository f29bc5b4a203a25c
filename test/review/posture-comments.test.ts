import { describe, expect, it } from 'vitest';
import type { FingerprintedFinding } from '../../src/engine/diff-findings.js';
import { fingerprintMarker } from '../../src/report/comment-body.js';
import {
  commentsToMinimize,
  postureComments,
  visibleCommentCounts,
} from '../../src/review/posture-comments.js';
import type { ReviewThread } from '../../src/review/pull-request-state.js';
import { makeFinding } from '../support/findings.js';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const ours = (nodeId: string, hash: string, isMinimized = false) => ({
  nodeId,
  body: `text\n\n${fingerprintMarker(`${hash}:1`)}`,
  isMinimized,
  byPosture: true,
});
const person = (nodeId: string, body = 'why?') => ({
  nodeId,
  body,
  isMinimized: false,
  byPosture: false,
});
const at = (hash: string, status?: 'waived'): FingerprintedFinding => ({
  finding: makeFinding(status ? { status } : {}),
  fingerprint: `${hash}:1`,
});

describe('postureComments', () => {
  it('knows its own comments by author and marker, and notes threads someone answered', () => {
    const threads: ReviewThread[] = [
      { comments: [ours('c1', HASH_A)] },
      { comments: [ours('c2', HASH_B), person('r1')] },
      { comments: [person('h1', `quoting ${fingerprintMarker(`${HASH_A}:1`)}`)] },
      { comments: [{ nodeId: 'c3', body: 'no marker', isMinimized: false, byPosture: true }] },
    ];
    expect(postureComments(threads)).toEqual([
      { nodeId: 'c1', hash: HASH_A, isMinimized: false, answered: false },
      { nodeId: 'c2', hash: HASH_B, isMinimized: false, answered: true },
    ]);
  });

  it('counts only visible comments as already posted', () => {
    const comments = postureComments([
      { comments: [ours('c1', HASH_A)] },
      { comments: [ours('c2', HASH_A, true)] },
    ]);
    expect(visibleCommentCounts(comments)).toEqual(new Map([[HASH_A, 1]]));
  });
});

describe('commentsToMinimize', () => {
  const comments = postureComments([
    { comments: [ours('c1', HASH_A)] },
    { comments: [ours('c2', HASH_B)] },
    { comments: [ours('c3', HASH_B), person('r1')] },
  ]);

  it('folds a comment as resolved when its finding is gone, never one somebody answered', () => {
    expect(commentsToMinimize(comments, [at(HASH_A)])).toEqual([
      { nodeId: 'c2', classifier: 'RESOLVED' },
    ]);
  });

  it('folds a comment as outdated when its finding is still there but accepted', () => {
    expect(commentsToMinimize(comments, [at(HASH_A, 'waived'), at(HASH_B), at(HASH_B)])).toEqual([
      { nodeId: 'c1', classifier: 'OUTDATED' },
    ]);
  });

  it('keeps as many comments for a fingerprint as the head has open findings with it, answered ones first', () => {
    expect(commentsToMinimize(comments, [at(HASH_A), at(HASH_B), at(HASH_B)])).toEqual([]);
    expect(commentsToMinimize(comments, [at(HASH_A), at(HASH_B)])).toEqual([
      { nodeId: 'c2', classifier: 'OUTDATED' },
    ]);
  });
});
