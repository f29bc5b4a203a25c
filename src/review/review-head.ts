/**
 * "Review this head": the one flow every trigger ends in. Opens a check run at once, evaluates
 * the pull request's changed files at the head commit, posts the inline review, then completes
 * the run. The review is posted before the run completes so that the run's summary can say
 * whether GitHub accepted it; a rejected review never keeps the run from completing.
 */
import type { Logger } from 'pino';
import type { AnalysisResult, AnalyzeOptions, SourceFile } from '../engine/analyze.js';
import { atLeast, isOpen, type Finding } from '../engine/finding.js';
import { buildPolicy } from '../policy/build-policy.js';
import { describePolicyChange, policyChangeFinding } from '../policy/policy-change.js';
import type { EffectivePolicy } from '../policy/types.js';
import { createLineLookup } from '../engine/fingerprint.js';
import { checkRunSummary, checkRunTitle, interruptedRunReport } from '../report/summary.js';
import { buildAnnotations } from './annotations.js';
import { abandonCheckRun, completeCheckRun, startCheckRun } from './checks.js';
import { decideConclusion } from './conclusion.js';
import { describeError, redactSecrets } from './describe-error.js';
import { buildDiffMap, startsOnAddedLine } from './diff-map.js';
import { fetchSources } from './fetch-sources.js';
import { planInlineComments } from './inline-comments.js';
import { loadPolicyTexts, POLICY_PATH, type PolicyTexts } from './load-policy.js';
import { listChangedFiles, type ChangedFiles } from './pr-files.js';
import { postInlineReview } from './reviews.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';

export type AnalyzeFunction = (files: readonly SourceFile[], options: Pick<AnalyzeOptions, 'policy' | 'now'>) => Promise<AnalysisResult>;

export interface ReviewDependencies {
  analyze: AnalyzeFunction;
  now: () => Date;
}

export type HeadReviewer = (octokit: GitHubClient, log: Logger, target: ReviewTarget) => Promise<void>;

export function createHeadReviewer(deps: ReviewDependencies): HeadReviewer {
  // Redelivered or simultaneous events for the same head must not race each other's check runs.
  const inFlight = new Set<string>();
  return async (octokit, log, target) => {
    const key = `${target.owner}/${target.repo}#${target.pullNumber}@${target.headSha}`;
    const reviewLog = log.child({ pullRequest: `${target.owner}/${target.repo}#${target.pullNumber}`, headSha: target.headSha });
    if (inFlight.has(key)) {
      reviewLog.info('a review of this head is already running');
      return;
    }
    inFlight.add(key);
    try {
      await reviewHead(octokit, reviewLog, target, deps);
    } finally {
      inFlight.delete(key);
    }
  };
}

async function reviewHead(octokit: GitHubClient, log: Logger, target: ReviewTarget, deps: ReviewDependencies): Promise<void> {
  let checkRunId: number;
  try {
    checkRunId = await startCheckRun(octokit, target, target.headSha, deps.now());
  } catch (error) {
    log.error({ reason: describeError(error) }, 'could not create the check run; not reviewing');
    return;
  }
  try {
    await evaluateAndReport(octokit, log, target, deps, checkRunId);
  } catch (error) {
    const reason = describeError(error);
    log.error({ reason, stack: error instanceof Error ? redactSecrets(error.stack ?? '') : undefined }, 'review failed');
    try {
      await abandonCheckRun(octokit, target, checkRunId, interruptedRunReport(reason, target.headSha), deps.now());
    } catch (closeError) {
      log.error({ reason: describeError(closeError), checkRunId }, 'could not complete the check run after a failure');
    }
  }
}

async function evaluateAndReport(
  octokit: GitHubClient,
  log: Logger,
  target: ReviewTarget,
  deps: ReviewDependencies,
  checkRunId: number,
): Promise<void> {
  const changed = await listChangedFiles(octokit, target);
  const policyTexts = await loadPolicyTexts(octokit, target, target.baseSha);
  const { policy, errors: policyErrors } = buildPolicy(policyTexts);
  const sources = await fetchSources(octokit, target, changed.files);
  const analysis = await deps.analyze(sources, { policy, now: deps.now() });
  const { errors, analyzed, notices } = analysis;
  const policyChange = await reviewPolicyEdit(octokit, target, changed, policyTexts);
  const findings = policyChange ? [...analysis.findings, policyChange] : analysis.findings;

  const lineText = createLineLookup(new Map(sources.map((source) => [source.path, source.content])));
  const diffMap = buildDiffMap(changed.files);
  const comments = planInlineComments(findings.filter((finding) => isOpen(finding) && reaches(finding, policy.commentOn)), diffMap, lineText);
  const inlineReview = await postInlineReview(octokit, target, comments, findings.length, log);

  const conclusion = decideConclusion(findings, policy.failOn, changed.truncated, policyErrors.length > 0);
  const summary = checkRunSummary({
    findings,
    errors,
    notices,
    policyErrors,
    policySources: policy.sources,
    analyzedFiles: analyzed.length,
    listedFiles: changed.listedCount,
    truncated: changed.truncated,
    headSha: target.headSha,
    failOn: policy.failOn,
    conclusion,
    inlineReview,
    // Without a patch GitHub did not say which lines changed, so such files get no mark.
    isUnchangedLine: (finding) => diffMap.has(finding.path) && !startsOnAddedLine(diffMap, finding),
  });
  const title = checkRunTitle(findings, errors, changed.truncated, policyErrors.length);
  await completeCheckRun(octokit, target, checkRunId, { conclusion, title, summary, annotations: buildAnnotations(findings, errors) }, deps.now);
  log.info({ conclusion, findings: findings.length, errors: errors.length, inlineReview: inlineReview.status }, 'review complete');
}

function reaches(finding: Finding, threshold: EffectivePolicy['commentOn']): boolean {
  return threshold !== 'none' && atLeast(finding.severity, threshold);
}

/** The finding for an edit of `.security.yml` in this pull request, judged against the base policy. */
async function reviewPolicyEdit(
  octokit: GitHubClient,
  target: ReviewTarget,
  changed: ChangedFiles,
  policyTexts: PolicyTexts,
): Promise<Finding | undefined> {
  if (!changed.policyFile) return undefined;
  const { blobSha } = changed.policyFile;
  const headText = blobSha ? (await fetchSources(octokit, target, [{ path: POLICY_PATH, blobSha }]))[0]?.content : undefined;
  const head = headText === undefined ? undefined : { source: `${POLICY_PATH} (this pull request)`, text: headText };
  return policyChangeFinding(POLICY_PATH, describePolicyChange(policyTexts.org, policyTexts.repo, head));
}
