/**
 * "Review this head": the one flow every trigger ends in. It decides whether the head needs a
 * (new) review, opens a check run, evaluates the change from the base and head versions of its
 * files, publishes comments and review requests on the pull request, then completes the run.
 * Comments are published before the run completes so that its summary can say what happened to
 * them; a rejected review never keeps the run from completing.
 */
import type { Logger } from 'pino';
import { buildPolicy } from '../policy/build-policy.js';
import { interruptedRunReport } from '../report/summary.js';
import { abandonCheckRun, completeCheckRun, replaceRunOutput, startCheckRun } from './checks.js';
import { describeError, redactSecrets } from './describe-error.js';
import { evaluateChange, type AnalyzeFunction } from './evaluate-change.js';
import { fetchBlobs } from './fetch-blobs.js';
import { fileVersionsFrom, sourceRequests } from './fetch-sources.js';
import { policyRequests, policyTextsFrom, type PolicyTexts } from './load-policy.js';
import { listChangedFiles } from './pr-files.js';
import { isRunningElsewhere, latestPostureRun } from './previous-runs.js';
import { publishReview } from './publish-review.js';
import { refusedAcceptanceOutput, whyNotAllowedToAccept } from './accept-risk-check.js';
import { routeToSecurityReview } from './routing.js';
import { runResult } from './run-result.js';
import type { GitHubClient, ReviewTarget, ReviewTrigger } from './review-target.js';

export type { AnalyzeFunction };

export interface ReviewDependencies {
  analyze: AnalyzeFunction;
  now: () => Date;
  /** the app's id, to tell its own check runs from another app's of the same name */
  appId?: number;
}

export type ReviewOutcome = 'reviewed' | 'skipped' | 'refused' | 'failed';

export type HeadReviewer = (octokit: GitHubClient, log: Logger, target: ReviewTarget, trigger?: ReviewTrigger) => Promise<ReviewOutcome>;

export function createHeadReviewer(deps: ReviewDependencies): HeadReviewer {
  // Events for one head run one after another, so that the second sees what the first did.
  const queues = new Map<string, Promise<unknown>>();
  return async (octokit, log, target, trigger = { kind: 'push' }) => {
    const key = `${target.owner}/${target.repo}#${target.pullNumber}@${target.headSha}`;
    const reviewLog = log.child({ pullRequest: `${target.owner}/${target.repo}#${target.pullNumber}`, headSha: target.headSha, trigger: trigger.kind });
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(() => reviewHead(octokit, reviewLog, target, trigger, deps));
    const settled = run.catch(() => undefined);
    queues.set(key, settled);
    try {
      return await run;
    } finally {
      if (queues.get(key) === settled) queues.delete(key);
    }
  };
}

async function reviewHead(octokit: GitHubClient, log: Logger, target: ReviewTarget, trigger: ReviewTrigger, deps: ReviewDependencies): Promise<ReviewOutcome> {
  let policyTexts: PolicyTexts | undefined;
  try {
    const skip = await reasonToSkip(octokit, target, trigger, deps);
    if (skip) {
      log.info(`not reviewing: ${skip}`);
      return 'skipped';
    }
    if (trigger.kind === 'accept-risk') {
      const checked = await checkAcceptance(octokit, log, target, trigger);
      if (checked === 'refused') return 'refused';
      policyTexts = checked;
    }
  } catch (error) {
    log.error({ reason: describeError(error) }, 'could not prepare the review');
    return 'failed';
  }

  let checkRunId: number;
  try {
    checkRunId = await startCheckRun(octokit, target, target.headSha, deps.now());
  } catch (error) {
    log.error({ reason: describeError(error) }, 'could not create the check run; not reviewing');
    return 'failed';
  }
  try {
    await evaluateAndReport(octokit, log, target, trigger, deps, checkRunId, policyTexts);
    return 'reviewed';
  } catch (error) {
    const reason = describeError(error);
    log.error({ reason, stack: error instanceof Error ? redactSecrets(error.stack ?? '') : undefined }, 'review failed');
    try {
      await abandonCheckRun(octokit, target, checkRunId, interruptedRunReport(reason, target.headSha), deps.now());
    } catch (closeError) {
      log.error({ reason: describeError(closeError), checkRunId }, 'could not complete the check run after a failure');
    }
    return 'failed';
  }
}

/**
 * A push or a redelivered event for a head whose latest Posture run completed a review (or is
 * being reviewed right now elsewhere) changes nothing; a change of reviews only matters when
 * that review needed a security reviewer.
 */
async function reasonToSkip(octokit: GitHubClient, target: ReviewTarget, trigger: ReviewTrigger, deps: ReviewDependencies): Promise<string | undefined> {
  if (trigger.kind !== 'push' && trigger.kind !== 'review-changed') return undefined;
  const latest = await latestPostureRun(octokit, target, target.headSha, deps.appId);
  if (trigger.kind === 'push') {
    if (latest?.review) return 'this head already has a completed review';
    if (latest && isRunningElsewhere(latest, deps.now())) return 'this head is being reviewed already';
    return undefined;
  }
  return latest?.review?.routingDigest ? undefined : 'the last review of this head did not need a security reviewer';
}

/** Whoever clicked "Accept risk" must be allowed to; the policy read to know is kept for the review. */
async function checkAcceptance(
  octokit: GitHubClient,
  log: Logger,
  target: ReviewTarget,
  trigger: Extract<ReviewTrigger, { kind: 'accept-risk' }>,
): Promise<PolicyTexts | 'refused'> {
  const policyTexts = policyTextsFrom(await fetchBlobs(octokit, policyRequests(target, target.baseSha)), target);
  const refusal = await whyNotAllowedToAccept(octokit, target, buildPolicy(policyTexts).policy, trigger.by);
  if (!refusal) return policyTexts;
  log.info({ by: trigger.by, refusal }, 'accept risk refused');
  await replaceRunOutput(octokit, target, trigger.clickedRun.id, refusedAcceptanceOutput(trigger, refusal));
  return 'refused';
}

async function evaluateAndReport(
  octokit: GitHubClient,
  log: Logger,
  target: ReviewTarget,
  trigger: ReviewTrigger,
  deps: ReviewDependencies,
  checkRunId: number,
  preloadedPolicy: PolicyTexts | undefined,
): Promise<void> {
  const changed = await listChangedFiles(octokit, target);
  const texts = await fetchBlobs(octokit, [...(preloadedPolicy ? [] : policyRequests(target, target.baseSha)), ...sourceRequests(target, target.baseSha, changed)]);
  const policyTexts = preloadedPolicy ?? policyTextsFrom(texts, target);
  const now = deps.now();
  const evaluation = await evaluateChange({ changed, versions: fileVersionsFrom(texts, changed), policyTexts }, deps.analyze, now);
  const { policy } = evaluation;
  const routing = routeToSecurityReview(policy.review, {
    added: evaluation.added.filter(({ finding }) => finding.status !== 'waived'),
    risk: evaluation.risk,
    surfaces: evaluation.surfaces,
    listed: changed.listed,
    ...(changed.policyFile ? { policyFile: changed.policyFile } : {}),
  });
  const published = await publishReview(octokit, log, {
    target,
    trigger,
    policy,
    added: evaluation.added,
    existing: evaluation.existing,
    diffMap: evaluation.diffMap,
    ...(routing ? { routing } : {}),
    now,
    ...(deps.appId === undefined ? {} : { appId: deps.appId }),
  });

  const result = runResult({ target, changed, evaluation, routing, published });
  await completeCheckRun(octokit, target, checkRunId, result, deps.now);
  log.info({ conclusion: result.conclusion, title: result.title, risk: evaluation.risk, inlineReview: published.inlineReview.status }, 'review complete');
}
