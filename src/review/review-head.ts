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
import { readReviewMarker, type ReviewVerdict } from '../report/review-marker.js';
import { yieldToEvents } from '../shared/yield-to-events.js';
import type { ChangeAnalyzer } from './evaluate-change.js';
import { refusedAcceptanceOutput, whyNotAllowedToAccept } from './accept-risk-check.js';
import { abandonCheckRun, completeCheckRun, replaceRunOutput, startCheckRun } from './checks.js';
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
import { runResult, type ReviewRunResult } from './run-result.js';
import {
  asVerdict,
  sharedHeadVerdicts,
  verdictsTheShownRunMisses,
  type SharedHeadVerdict,
} from './shared-head.js';
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
  /** called once the run is completed: nothing that fails later may touch it */
  onRunCompleted(): Promise<void>;
  /** a dry run: its writes are kept, not made, so it corrects no run GitHub shows */
  dryRun?: boolean;
  progress: ReviewProgress;
}

export async function reviewHead(session: ReviewSession): Promise<ReviewOutcome> {
  const { octokit, log, target, trigger } = session;
  const runs = await postureRuns(octokit, target, target.headSha, session.appId);
  const skip = reasonToSkip(runs, trigger, target.baseSha);
  if (skip && !(await showsTooLaxAVerdict(octokit, target, runs))) {
    log.info(`not reviewing: ${skip}`);
    await closeEarlierTry(session, runs, skip);
    return 'skipped';
  }
  let policyTexts: PolicyTexts | undefined;
  if (trigger.kind === 'accept-risk') {
    const checked = await checkAcceptance(session, trigger);
    if (checked === 'refused') return 'refused';
    policyTexts = checked;
  }
  session.signal.throwIfAborted();
  session.progress.checkRunId = await openRun(session, runs);
  await evaluateAndReport(session, session.progress.checkRunId, policyTexts, runs);
  return 'reviewed';
}

/**
 * A push of a head whose latest Posture run completed a review against the pull request's base
 * commit changes nothing, unless that review passed on a security reviewer's sign-off: its verdict
 * rests on the reviews as they are now (a force-push back to an approved head after the approval
 * was withdrawn). A routed review still waiting for a sign-off is not judged again on a push (a
 * sign-off given since has its own trigger): doing so only gave the same verdict twice, and two
 * runs, when one push reached two replicas. A change of reviews only matters when that review
 * needed a security reviewer. A run superseded or failed carries no review record, so its head is
 * reviewed again.
 *
 * A change of reviews is judged against this pull request's last review of the head, which need
 * not be the latest run: another pull request's review of the same head, still in progress, would
 * otherwise pass on a sign-off since withdrawn.
 *
 * A review against another base commit is no review of this pull request as it stands: the pull
 * request was moved to another branch, or the run is another pull request's with the same head
 * (runs belong to commits, not to pull requests). The change and the policy both come from the
 * base, so such a head is reviewed again, as is one whose record predates bases being recorded.
 */
function reasonToSkip(
  runs: readonly PreviousRun[],
  trigger: ReviewTrigger,
  baseSha: string,
): string | undefined {
  const [latest] = runs;
  const review = latest?.review;
  if (review && review.baseSha !== baseSha) return undefined;
  if (trigger.kind === 'push')
    return review && (!review.routingDigest || latest?.conclusion !== 'success')
      ? 'this head already has a completed review against this base'
      : undefined;
  if (trigger.kind === 'review-changed') {
    // The latest run may hold no review: another pull request's of the head, still in progress,
    // which will combine this one's last verdict. A change of reviews turns that verdict.
    const lastReview = review ?? runs.find((run) => run.review?.baseSha === baseSha)?.review;
    return lastReview?.routingDigest
      ? undefined
      : 'the last review of this head did not need a security reviewer';
  }
  return undefined;
}

/**
 * A run this job opened in an earlier try and left open, when the head turns out to need no
 * review now (another job, another replica's say, completed one meanwhile): completed
 * `cancelled`, which passes nothing, rather than left in progress behind the run shown.
 */
async function closeEarlierTry(
  session: ReviewSession,
  runs: readonly PreviousRun[],
  why: string,
): Promise<void> {
  const remembered = session.rememberedRunId;
  const run = runs.find((candidate) => candidate.id === remembered);
  if (!run || run.status === 'completed') return;
  await abandonCheckRun(
    session.octokit,
    session.target,
    run.id,
    {
      title: 'Review not needed',
      summary: `Posture stopped this review after an earlier try: ${why}. The head's latest run holds it.`,
    },
    session.now(),
    'cancelled',
  );
  await runCompleted(session);
}

/**
 * A head skipped as reviewed is reviewed again when its latest run, the one GitHub shows, passes
 * where another open pull request of the head failed: the two reviews overlapped and the job that
 * completed last could not correct the run shown (see `publishAgainIfShownLaxer`).
 */
async function showsTooLaxAVerdict(
  octokit: GitHubClient,
  target: ReviewTarget,
  runs: readonly PreviousRun[],
): Promise<boolean> {
  const [latest] = runs;
  if (latest?.review?.baseSha !== target.baseSha) return false;
  const own = latest.review.own ?? asVerdict(latest.conclusion);
  return (await verdictsTheShownRunMisses(octokit, target, runs, own)) !== undefined;
}

/**
 * The run this job opened before, when it is still open (a try cut short after completing it
 * opens another); otherwise a new one.
 */
async function openRun(session: ReviewSession, runs: readonly PreviousRun[]): Promise<number> {
  const [latest] = runs;
  const remembered = session.rememberedRunId;
  if (remembered !== undefined && runs.find((run) => run.id === remembered)?.status !== 'completed')
    return remembered;
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
  const resultWith = (sharedHead: readonly SharedHeadVerdict[]): ReviewRunResult =>
    runResult({
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
  const sharedHead = await sharedHeadVerdicts(octokit, target, runs);
  await yieldToEvents();
  const result = resultWith(sharedHead);
  await yieldToEvents();
  await completeCheckRun(octokit, target, checkRunId, result, session.now);
  await runCompleted(session);
  log.info(
    {
      conclusion: result.conclusion,
      title: result.title,
      risk: evaluation.risk,
      inlineReview: published.inlineReview.status,
    },
    'review complete',
  );
  await publishAgainIfShownLaxer(session, checkRunId, runs, result.own, resultWith);
}

/**
 * Reviews of two pull requests of one head can overlap, each reading the head's runs before the
 * other's verdict exists. The run opened last is the one GitHub shows both pull requests, and it
 * may pass on its own lax verdict while the other review fails. The job that completes last sees
 * every verdict: after completing its run, a job reads the head's runs again and, when the run
 * shown concludes better than the reviews of the head's open pull requests allow, publishes its
 * result again, combined with theirs, on a new run. A run shown that is still in progress, or that
 * another job completed for this pull request, is left to that job. Should this fail, the job's
 * next try finds the run shown too lax and reviews the head again (`showsTooLaxAVerdict`).
 */
async function publishAgainIfShownLaxer(
  session: ReviewSession,
  completedRunId: number,
  earlier: readonly PreviousRun[],
  own: ReviewVerdict,
  resultWith: (sharedHead: readonly SharedHeadVerdict[]) => ReviewRunResult,
): Promise<void> {
  const { octokit, target, log } = session;
  if (session.signal.aborted || session.dryRun) return;
  const fresh = await postureRuns(octokit, target, target.headSha, session.appId);
  const [shown] = fresh;
  if (shown && shown.id !== completedRunId && shown.review?.baseSha === target.baseSha) return;
  // Shown, this job's run combined every verdict there was when the job began.
  const known = new Set(earlier.filter((run) => run.status === 'completed').map((run) => run.id));
  const completedSince = fresh.filter(
    (run) => run.status === 'completed' && run.id !== completedRunId && !known.has(run.id),
  );
  if (shown?.id === completedRunId && completedSince.length === 0) return;
  const missed = await verdictsTheShownRunMisses(octokit, target, fresh, own);
  if (!missed) return;
  const result = resultWith(missed);
  const checkRunId = await startCheckRun(
    octokit,
    target,
    target.headSha,
    session.now(),
    session.jobId,
  );
  session.progress.checkRunId = checkRunId;
  await session.onRunOpened(checkRunId);
  await completeCheckRun(octokit, target, checkRunId, result, session.now);
  await runCompleted(session);
  log.info(
    { conclusion: result.conclusion, shownRun: shown?.id, shownConclusion: shown?.conclusion },
    'review published again: the run shown for the head passed where another pull request of it did not',
  );
}

/** A completed run is the review's record: a failure after it must not reopen or rewrite it. */
async function runCompleted(session: ReviewSession): Promise<void> {
  delete session.progress.checkRunId;
  await session.onRunCompleted();
}
