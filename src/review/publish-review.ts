/**
 * Everything Posture writes to the pull request itself, after one read of its current state:
 * a recorded risk acceptance, the comments on new findings (never a second one for the same
 * finding), folding the comments of findings that are gone, and the request for a security
 * review. When the head moved on while Posture was working, it writes nothing.
 */
import type { Logger } from 'pino';
import type { FingerprintedFinding } from '../engine/diff-findings.js';
import { atLeast, isOpen } from '../model/finding.js';
import type { EffectivePolicy } from '../policy/types.js';
import { riskAcceptanceComment } from './risk-acceptance-comment.js';
import type { SecuritySignOff } from './security-review-section.js';
import { findSecurityApproval } from './approvals.js';
import { describeError } from './describe-error.js';
import type { DiffMap } from './diff-map.js';
import { planComments } from './inline-comments.js';
import { minimizeComments } from './minimize-comments.js';
import { commentsToMinimize, postureComments, visibleCommentCounts } from './posture-comments.js';
import { latestPostureRun } from './previous-runs.js';
import { fetchPullRequestState, type PullRequestState } from './pull-request-state.js';
import { requestSecurityReview, type ReviewRequestOutcome } from './request-reviewers.js';
import { postReview, type InlineReviewOutcome } from './reviews.js';
import type { GitHubClient, ReviewTarget, ReviewTrigger } from './review-target.js';
import {
  acceptanceKey,
  acceptancesIn,
  applyAcceptances,
  reasonFrom,
  type RiskAcceptance,
} from './risk-acceptance.js';
import type { Routing } from './routing.js';
import { createReviewerCheck, type ReviewerCheck } from './security-reviewers.js';
import { yieldToEvents } from '../shared/yield-to-events.js';

export interface PublishInput {
  target: ReviewTarget;
  trigger: ReviewTrigger;
  policy: EffectivePolicy;
  added: readonly FingerprintedFinding[];
  existing: readonly FingerprintedFinding[];
  diffMap: DiffMap;
  routing?: Routing;
  now: Date;
  appId?: number;
  /** where rule documentation links point (`RULE_DOCS_URL`) */
  docsBase?: string;
}

export interface PublishOutcome {
  inlineReview: InlineReviewOutcome;
  /** the findings with every recorded risk acceptance applied */
  added: FingerprintedFinding[];
  existing: FingerprintedFinding[];
  minimizedComments: number;
  /** why earlier comments could not be folded */
  foldFailure?: string;
  signOff?: SecuritySignOff;
  request?: ReviewRequestOutcome;
  /** security reviewers whose team membership Posture could not read */
  problems: string[];
}

export async function publishReview(
  octokit: GitHubClient,
  log: Logger,
  input: PublishInput,
): Promise<PublishOutcome> {
  const { target, trigger, policy, routing } = input;
  const state = await fetchPullRequestState(octokit, target);
  const reviewers = createReviewerCheck(octokit, target.owner, policy.review);
  const acceptances = await standingAcceptances(
    acceptancesIn(state.conversation),
    state,
    input,
    reviewers,
  );
  const headMoved = state.headSha !== target.headSha;
  const problems: string[] = [];

  if (trigger.kind === 'accept-risk' && !headMoved) {
    const acceptance = await recordAcceptance(octokit, target, trigger.by, state, input);
    acceptances.push(acceptance);
  }
  const added = applyAcceptances(input.added, acceptances);
  await yieldToEvents();
  const existing = applyAcceptances(input.existing, acceptances);
  const signOff = routing
    ? await findSignOff(octokit, input, routing, state, acceptances, reviewers, problems)
    : undefined;

  if (headMoved) {
    log.info(
      { currentHead: state.headSha },
      'the pull request moved on while Posture was reviewing; posting nothing',
    );
    return {
      inlineReview: { status: 'head-moved', currentHead: state.headSha },
      added,
      existing,
      minimizedComments: 0,
      ...(signOff ? { signOff } : {}),
      problems,
    };
  }

  const earlier = postureComments(state.threads);
  const commentable = added.filter(
    ({ finding }) =>
      isOpen(finding) && policy.commentOn !== 'none' && atLeast(finding.severity, policy.commentOn),
  );
  await yieldToEvents();
  const plan = planComments(commentable, input.diffMap, {
    contextLines: policy.comments.contextLines,
    outsideDiff: policy.comments.outsideDiff,
    alreadyCommented: visibleCommentCounts(earlier),
    ...(input.docsBase ? { docsBase: input.docsBase } : {}),
  });
  const inlineReview = await postReview(
    octokit,
    target,
    plan,
    added.filter(({ finding }) => isOpen(finding)).length,
    log,
    {
      postedBodies: async () =>
        new Set(
          (await fetchPullRequestState(octokit, target)).threads.flatMap((thread) =>
            thread.comments.filter((comment) => comment.byPosture).map((comment) => comment.body),
          ),
        ),
      isAddedLine: (path, line) => input.diffMap.get(path)?.get(line)?.kind === 'added',
    },
  );

  let minimizedComments = 0;
  let foldFailure: string | undefined;
  try {
    await yieldToEvents();
    minimizedComments = await minimizeComments(
      octokit,
      commentsToMinimize(earlier, [...added, ...existing]),
    );
  } catch (error) {
    foldFailure = describeError(error);
    log.warn({ reason: foldFailure }, 'could not fold earlier comments');
  }

  const request =
    routing && !signOff ? await requestSecurityReview(octokit, target, routing, state) : undefined;
  return {
    inlineReview,
    added,
    existing,
    minimizedComments,
    ...(foldFailure ? { foldFailure } : {}),
    ...(signOff ? { signOff } : {}),
    ...(request ? { request } : {}),
    problems,
  };
}

async function recordAcceptance(
  octokit: GitHubClient,
  target: ReviewTarget,
  by: string,
  state: PullRequestState,
  input: PublishInput,
): Promise<RiskAcceptance> {
  const counted = [...input.added, ...(input.policy.failOnExisting ? input.existing : [])].filter(
    ({ finding }) => isOpen(finding),
  );
  const acceptance: RiskAcceptance = {
    by,
    at: input.now.toISOString(),
    commitSha: target.headSha,
    reason: reasonFrom(state.reviews, by),
    ...(input.routing ? { routingDigest: input.routing.digest } : {}),
    accepted: [...new Set(counted.map(acceptanceKey))],
  };
  await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.pullNumber,
    body: riskAcceptanceComment(
      acceptance,
      counted.map(({ finding }) => finding),
    ),
  });
  return acceptance;
}

/**
 * The recorded acceptances that still stand: made since the pull request last moved to another
 * base branch (before, the risk accepted was that of another change), by someone the policy names
 * as a security reviewer now and who did not open the pull request (the base branch's policy may
 * name other reviewers than the one the acceptance was made under).
 */
async function standingAcceptances(
  recorded: readonly RiskAcceptance[],
  state: PullRequestState,
  input: PublishInput,
  reviewers: ReviewerCheck,
): Promise<RiskAcceptance[]> {
  const author = (state.author ?? input.target.author)?.toLowerCase();
  const since = state.baseChangedAt === undefined ? undefined : Date.parse(state.baseChangedAt);
  const standing: RiskAcceptance[] = [];
  for (const acceptance of recorded) {
    if (since !== undefined && !(Date.parse(acceptance.at) > since)) continue;
    if (acceptance.by.toLowerCase() === author) continue;
    if (await reviewers.isSecurityReviewer(acceptance.by)) standing.push(acceptance);
  }
  return standing;
}

/** A recorded acceptance of exactly this routing, else an approval by a security reviewer. */
async function findSignOff(
  octokit: GitHubClient,
  input: PublishInput,
  routing: Routing,
  state: PullRequestState,
  acceptances: readonly RiskAcceptance[],
  reviewers: ReviewerCheck,
  problems: string[],
): Promise<SecuritySignOff | undefined> {
  const accepted = acceptances
    .filter((acceptance) => acceptance.routingDigest === routing.digest)
    .at(-1);
  if (accepted)
    return {
      kind: 'accepted-risk',
      by: accepted.by,
      at: accepted.at,
      commitSha: accepted.commitSha,
      reason: accepted.reason,
    };
  const digests = new Map<string, Promise<string | undefined>>();
  const approval = await findSecurityApproval({
    reviews: state.reviews,
    author: state.author ?? input.target.author,
    headSha: input.target.headSha,
    routingDigest: routing.digest,
    reviewers,
    ...(state.baseChangedAt ? { baseChangedAt: state.baseChangedAt } : {}),
    routingDigestAt(commitSha) {
      let digest = digests.get(commitSha);
      if (!digest)
        digests.set(
          commitSha,
          (digest = latestPostureRun(octokit, input.target, commitSha, input.appId).then(
            (run) => run?.review?.routingDigest,
          )),
        );
      return digest;
    },
  });
  problems.push(...reviewers.problems);
  return approval
    ? { kind: 'approval', by: approval.by, commitSha: approval.commitSha }
    : undefined;
}
