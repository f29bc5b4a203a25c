import { describe, expect, it } from 'vitest';
import { findSecurityApproval, type ApprovalQuestion } from '../../src/review/approvals.js';
import type { SubmittedReview } from '../../src/review/pull-request-state.js';

const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
const review = (
  author: string,
  state: SubmittedReview['state'],
  commitSha = HEAD,
): SubmittedReview => ({ author, state, commitSha, body: '' });
const question = (
  reviews: SubmittedReview[],
  digests: Record<string, string> = {},
): ApprovalQuestion => ({
  reviews,
  author: 'casey-dev',
  headSha: HEAD,
  routingDigest: 'now',
  reviewers: {
    problems: [],
    isSecurityReviewer: async (login) => login === 'sam-sec' || login === 'casey-dev',
  },
  routingDigestAt: async (commitSha) => digests[commitSha],
});

describe('findSecurityApproval', () => {
  it('takes the latest decision of a security reviewer who is not the author', async () => {
    expect(await findSecurityApproval(question([review('sam-sec', 'APPROVED')]))).toEqual({
      by: 'sam-sec',
      commitSha: HEAD,
    });
    expect(
      await findSecurityApproval(
        question([review('sam-sec', 'APPROVED'), review('sam-sec', 'CHANGES_REQUESTED')]),
      ),
    ).toBeUndefined();
    expect(
      await findSecurityApproval(
        question([review('sam-sec', 'APPROVED'), review('sam-sec', 'COMMENTED')]),
      ),
    ).toEqual({ by: 'sam-sec', commitSha: HEAD });
    expect(await findSecurityApproval(question([review('sam-sec', 'DISMISSED')]))).toBeUndefined();
    expect(
      await findSecurityApproval(
        question([review('casey-dev', 'APPROVED'), review('bob', 'APPROVED')]),
      ),
    ).toBeUndefined();
  });

  it('carries an approval of an earlier commit only when that commit was routed for the same reasons', async () => {
    expect(
      await findSecurityApproval(question([review('sam-sec', 'APPROVED', OLD)], { [OLD]: 'now' })),
    ).toEqual({ by: 'sam-sec', commitSha: OLD });
    expect(
      await findSecurityApproval(
        question([review('sam-sec', 'APPROVED', OLD)], { [OLD]: 'before' }),
      ),
    ).toBeUndefined();
    expect(
      await findSecurityApproval(question([review('sam-sec', 'APPROVED', OLD)])),
    ).toBeUndefined();
  });

  it('counts only approvals submitted after the pull request last moved to another base', async () => {
    const at = (submittedAt: string): SubmittedReview => ({
      ...review('sam-sec', 'APPROVED'),
      submittedAt,
    });
    const moved = { baseChangedAt: '2025-03-01T10:00:00Z' };
    expect(
      await findSecurityApproval({ ...question([at('2025-03-01T09:59:59Z')]), ...moved }),
    ).toBeUndefined();
    // An approval without a submission time cannot show it came after.
    expect(
      await findSecurityApproval({ ...question([review('sam-sec', 'APPROVED')]), ...moved }),
    ).toBeUndefined();
    expect(
      await findSecurityApproval({ ...question([at('2025-03-01T10:00:01Z')]), ...moved }),
    ).toMatchObject({ by: 'sam-sec' });
  });
});
