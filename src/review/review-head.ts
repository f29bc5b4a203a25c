/**
 * "Review this head": the one flow every job of a pull request ends in. It decides whether the
 * head needs a (new) review, opens a check run (or takes back the one this job opened before it
 * was cut short), evaluates the change at exactly this head from the base and head versions of
 * its files, publishes comments and review requests, then completes the run.
 *
 * It stops as soon as the job's signal is aborted (a newer head, a shutdown) and throws on any
 * error: what to do then (retry, complete the run as superseded or failed, hand the job back)
 * is the job's decision, which is why the run it opened and the policy's `on_error` are kept in
 * `progress`.
 */
import type { Logger } from 'pino';
import { buildPolicy } from '../policy/build-policy.js';
import { codeSpan } from '../report/markdown.js';
import { readReviewMarker } from '../report/review-marker.js';
import { yieldToEvents } from '../shared/yield-to-events.js';
import type { ChangeAnalyzer } from './evaluate-change.js';
import { refusedAcceptanceOutput, whyNotAllowedToAccept } from './accept-risk-check.js';
import { completeCheckRun, replaceRunOutput, startCheckRun } from './checks.js';
import type { BlobCache } from './blob-cache.js';
import {
  appliedContextFiles,
  contextFiles,
  contextFrom,
  contextRequests,
  headTreeOf,
} from './context-files.js';
import { fetchBlobs } from './fetch-blobs.js';
import { fileRequests, fileVersionsFrom, sourceRequests } from './fetch-sources.js';
import { policyRequests, policyTextsFrom, type PolicyTexts } from './load-policy.js';
import { listChangedFiles } from './pr-files.js';
import { filesThePolicyAssigns } from './policy-assigned-files.js';
import { postureRuns, type PreviousRun } from './previous-runs.js';
import { publishReview } from './publish-review.js';
import { runResult } from './run-result.js';
import { sharedHeadVerdicts } from './shared-head.js';
import type {
  ClickedCheckRun,
  GitHubClient,
  ReviewTarget,
  ReviewTrigger,
} from './review-target.js';

export type ReviewOutcome = 'reviewed' | 'skipped' | 'refused';

/** What the job must know when a review stops half-way. */
export interface ReviewProgress {
  /** the run this review opened or took back */
  checkRunId?: number;
  /** what the policy says a failed review concludes; `failure` until the policy is read */
  onError: 'failure' | 'neutral';
}

export interface ReviewSession {
  octokit: GitHubClient;
  log: Logger;
  target: ReviewTarget;
  trigger: ReviewTrigger;
  analyzer: ChangeAnalyzer;
  now: () => Date;
  /** the app's id, to tell its own check runs from another app's of the same name */
  appId?: number;
  /** aborted when a newer head supersedes this one or the process shuts down */
  signal: AbortSignal;
  /** the job's id, written on the run as its external id */
  jobId: string;
  /** where rule documentation links point (`RULE_DOCS_URL`); without it, reviews carry no links */
  docsBase?: string;
  /** file contents by blob SHA from earlier reviews */
  blobCache?: BlobCache;
  /** policy texts that replace what GitHub holds (a dry run trying a policy before it is committed) */
  policyOverride?: PolicyTexts;
  /** a run this job opened in an earlier try */
  rememberedRunId?: number;
  /** called as soon as a run is opened, before anything else can fail */
  onRunOpened(checkRunId: number): Promise<void>;
  progress: ReviewProgress;
}

export async function reviewHead(session: ReviewSession): Promise<ReviewOutcome> {
  const { octokit, log, target, trigger } = session;
  const runs = await postureRuns(octokit, target, target.headSha, session.appId);
  const [latest] = runs;
  const skip = reasonToSkip(latest, trigger, target.baseSha);
  if (skip) {
    log.info(`not reviewing: ${skip}`);
    return 'skipped';
  }
  let policyTexts: PolicyTexts | undefined;
  if (trigger.kind === 'accept-risk') {
    const checked = await checkAcceptance(session, trigger);
    if (checked === 'refused') return 'refused';
    policyTexts = checked;
  }
  session.signal.throwIfAborted();
  session.progress.checkRunId = await openRun(session, latest);
  await evaluateAndReport(session, session.progress.checkRunId, policyTexts, runs);
  return 'reviewed';
}

/**
 * A push of a head whose latest Posture run completed a review against the pull request's base
 * commit changes nothing, unless that review passed on a security reviewer's sign-off: its verdict
 * rests on the reviews as they are now (a force-push back to an approved head after the approval
 * was withdrawn). A routed review still waiting for a sign-off is not judged again on a push (a
 * sign-off given since has its own trigger): doing so only gave the same verdict twice, and two
 * runs, when one push reached two replicas. A change of reviews only matters when that review needed a security reviewer. A
 * run superseded or failed carries no review record, so its head is reviewed again.
 *
 * A review against another base commit is no review of this pull request as it stands: the pull
 * request was moved to another branch, or the run is another pull request's with the same head
 * (runs belong to commits, not to pull requests). The change and the policy both come from the
 * base, so such a head is reviewed again, as is one whose record predates bases being recorded.
 */
function reasonToSkip(
  latest: PreviousRun | undefined,
  trigger: ReviewTrigger,
  baseSha: string,
): string | undefined {
  const review = latest?.review;
  if (review && review.baseSha !== baseSha) return undefined;
  if (trigger.kind === 'push')
    return review && (!review.routingDigest || latest?.conclusion !== 'success')
      ? 'this head already has a completed review against this base'
      : undefined;
  if (trigger.kind === 'review-changed')
    return review?.routingDigest
      ? undefined
      : 'the last review of this head did not need a security reviewer';
  return undefined;
}

/** The run this job opened before, when it is still open; otherwise a new one. */
async function openRun(session: ReviewSession, latest: PreviousRun | undefined): Promise<number> {
  if (session.rememberedRunId !== undefined) return session.rememberedRunId;
  if (latest && latest.status !== 'completed' && latest.externalId === session.jobId) {
    await session.onRunOpened(latest.id);
    return latest.id;
  }
  const checkRunId = await startCheckRun(
    session.octokit,
    session.target,
    session.target.headSha,
    session.now(),
    session.jobId,
  );
  await session.onRunOpened(checkRunId);
  return checkRunId;
}

/** Whoever clicked "Accept risk" must be allowed to; the policy read to know is kept for the review. */
async function checkAcceptance(
  session: ReviewSession,
  trigger: Extract<ReviewTrigger, { kind: 'accept-risk' }>,
): Promise<PolicyTexts | 'refused'> {
  const { octokit, target, log } = session;
  const policyTexts = policyTextsFrom(
    await fetchBlobs(octokit, policyRequests(target, target.baseSha)),
    target,
  );
  const refusal =
    otherBaseOf(trigger.clickedRun, target) ??
    (await whyNotAllowedToAccept(octokit, target, buildPolicy(policyTexts).policy, trigger.by));
  if (!refusal) return policyTexts;
  log.info({ by: trigger.by, refusal }, 'accept risk refused');
  await replaceRunOutput(
    octokit,
    target,
    trigger.clickedRun.id,
    refusedAcceptanceOutput(trigger, refusal, target.headSha),
  );
  return 'refused';
}

/**
 * An acceptance covers what the clicked run showed, and the job reviews the pull request as it is
 * now: a run that compared the head with another base (the pull request moved since, or the run
 * is another pull request's of the same head) showed other findings, and is refused.
 */
function otherBaseOf(clicked: ClickedCheckRun, target: ReviewTarget): string | undefined {
  const shown = readReviewMarker(clicked.summary, target.headSha)?.baseSha;
  if (shown === undefined || shown === target.baseSha) return undefined;
  return `this run compared the head with ${codeSpan(shown.slice(0, 7))}, not with the pull request's base ${codeSpan(target.baseSha.slice(0, 7))}; accept the risk on the run of its latest review`;
}

async function evaluateAndReport(
  session: ReviewSession,
  checkRunId: number,
  preloadedPolicy: PolicyTexts | undefined,
  runs: readonly PreviousRun[],
): Promise<void> {
  const { octokit, log, target, trigger, signal } = session;
  const listedChange = await listChangedFiles(octokit, target);
  const headTree = headTreeOf(octokit, target, listedChange);
  const pathContext = await contextFiles(listedChange, headTree);
  const texts = await fetchBlobs(
    octokit,
    [
      ...(preloadedPolicy ? [] : policyRequests(target, target.baseSha)),
      ...sourceRequests(target, listedChange.mergeBaseSha, listedChange),
      ...contextRequests(target, pathContext),
    ],
    session.blobCache,
  );
  const policyTexts = {
    ...(preloadedPolicy ?? policyTextsFrom(texts, target)),
    ...session.policyOverride,
  };
  // Files read only because the policy gives them a language: read in a second round.
  const assigned = filesThePolicyAssigns(listedChange.byPolicyOnly, policyTexts);
  if (assigned.length > 0)
    texts.addAll(
      await fetchBlobs(
        octokit,
        fileRequests(target, listedChange.mergeBaseSha, assigned),
        session.blobCache,
      ),
    );
  const changed = { ...listedChange, files: [...listedChange.files, ...assigned] };
  const versions = fileVersionsFrom(texts, changed);
  // The units a changed play, manifest or Chef role gives values to show only in its text: read
  // in a second round.
  const appliedContext = await appliedContextFiles(
    versions.head,
    pathContext,
    contextFrom(texts, pathContext),
    headTree,
  );
  if (appliedContext.length > 0)
    for (const [key, text] of await fetchBlobs(
      octokit,
      contextRequests(target, appliedContext),
      session.blobCache,
    ))
      texts.set(key, text);
  const context = [...pathContext, ...appliedContext];
  const now = session.now();
  signal.throwIfAborted();
  const evaluation = await session.analyzer.evaluate(
    {
      changed,
      versions: { ...versions, context: contextFrom(texts, context) },
      policyTexts,
    },
    now,
    signal,
  );
  const { policy, routing } = evaluation;
  session.progress.onError = policy.onError === 'neutral' ? 'neutral' : 'failure';
  // Nothing is written to the pull request for a head that is no longer the one to review.
  signal.throwIfAborted();
  const published = await publishReview(octokit, log, {
    target,
    trigger,
    policy,
    added: evaluation.added,
    existing: evaluation.existing,
    diffMap: evaluation.diffMap,
    ...(routing ? { routing } : {}),
    now,
    ...(session.appId === undefined ? {} : { appId: session.appId }),
    ...(session.docsBase ? { docsBase: session.docsBase } : {}),
  });

  // Other pull requests of this head see this run too: it concludes no better than their reviews.
  const sharedHead = await sharedHeadVerdicts(octokit, target, runs);
  await yieldToEvents();
  const result = runResult({
    target,
    changed,
    evaluation,
    routing,
    published,
    sharedHead,
    ...(policyTexts.orgRepositoryUnreadable
      ? { orgPolicyUnreadable: policyTexts.orgRepositoryUnreadable }
      : {}),
    ...(session.docsBase ? { docsBase: session.docsBase } : {}),
  });
  await yieldToEvents();
  await completeCheckRun(octokit, target, checkRunId, result, session.now);
  log.info(
    {
      conclusion: result.conclusion,
      title: result.title,
      risk: evaluation.risk,
      inlineReview: published.inlineReview.status,
    },
    'review complete',
  );
}
