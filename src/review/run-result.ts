/**
 * What the check run says once a review is done: the conclusion, the title, the summary with its
 * hidden review record, the annotations, and the "Accept risk" button when it could help.
 */
import { reachesThreshold } from '../engine/analyze.js';
import { isOpen, type Finding } from '../model/finding.js';
import type { EffectivePolicy } from '../policy/types.js';
import type { SecurityReviewStatus } from './security-review-section.js';
import { ruleReference } from '../report/rule-reference.js';
import { checkRunSummary, checkRunTitle } from './summary.js';
import { buildAnnotations } from './annotations.js';
import { MAX_ANNOTATIONS, type CheckRunResult } from './checks.js';
import { decideConclusion, type ReviewConclusion } from './conclusion.js';
import { startsOnAddedLine } from './diff-map.js';
import type { ChangeEvaluation } from './evaluate-change.js';
import type { ChangedFiles } from './pr-files.js';
import type { PublishOutcome } from './publish-review.js';
import type { ReviewTarget } from './review-target.js';
import { ACCEPT_RISK_ACTION } from './risk-acceptance.js';
import type { Routing } from './routing.js';
import { isWorse, worstVerdict, type SharedHeadVerdict } from './shared-head.js';

export interface ReviewFacts {
  target: ReviewTarget;
  changed: ChangedFiles;
  evaluation: ChangeEvaluation;
  routing: Routing | undefined;
  published: PublishOutcome;
  /** the last reviews of the other open pull requests of this head, each against its own base */
  sharedHead?: readonly SharedHeadVerdict[];
  /** the org's `.github` repository, when the app could not see it */
  orgPolicyUnreadable?: string;
  /** where rule documentation links point (`RULE_DOCS_URL`) */
  docsBase?: string;
}

/** The run's result, and the verdict this pull request's review reached on its own. */
export interface ReviewRunResult extends CheckRunResult {
  own: ReviewConclusion;
}

export function runResult({
  target,
  changed,
  evaluation,
  routing,
  published,
  sharedHead = [],
  orgPolicyUnreadable,
  docsBase,
}: ReviewFacts): ReviewRunResult {
  const { policy } = evaluation;
  const added = published.added.map(({ finding }) => finding);
  const existing = published.existing.map(({ finding }) => finding);
  const fixed = evaluation.fixed.map(({ finding }) => finding);
  const counting = [...added, ...(policy.failOnExisting ? existing : [])];
  const own = decideConclusion({
    counting,
    failOn: policy.failOn,
    truncated: changed.truncated,
    invalidPolicy: evaluation.policyErrors.length > 0,
    unanalysable: evaluation.errors,
    onUnanalysable: policy.onUnanalysable,
    ...(routing ? { securityReview: { signedOff: published.signOff !== undefined } } : {}),
  });
  // A commit has one check for all its pull requests: the run concludes the worst of their reviews.
  const conclusion = worstVerdict(
    own,
    sharedHead.map(({ verdict }) => verdict),
  );
  const worse = sharedHead.filter(({ verdict }) => isWorse(verdict, own));
  const sharedOutcome = worse.length > 0 ? { sharedHead: { conclusion, pulls: worse } } : {};
  const summary = checkRunSummary({
    added,
    existing,
    fixed,
    failOnExisting: policy.failOnExisting,
    risk: evaluation.risk,
    surfaces: evaluation.surfaces,
    reach: evaluation.reach,
    ...(routing ? { securityReview: securityReviewStatus(routing, published) } : {}),
    errors: evaluation.errors,
    notices: evaluation.notices,
    policyErrors: evaluation.policyErrors,
    policySources: policy.sources,
    ...(orgPolicyUnreadable ? { orgPolicyUnreadable } : {}),
    ...(docsBase ? { docsBase } : {}),
    analyzedFiles: evaluation.analyzedFiles,
    contextFiles: evaluation.contextFiles,
    listedFiles: changed.listed.length,
    truncated: changed.truncated,
    headSha: target.headSha,
    failOn: policy.failOn,
    onUnanalysable: policy.onUnanalysable,
    conclusion: own,
    ...sharedOutcome,
    inlineReview: published.inlineReview,
    minimizedComments: published.minimizedComments,
    ...(published.foldFailure ? { foldFailure: published.foldFailure } : {}),
    // Without a patch GitHub did not say which lines changed, so such files get no mark.
    isUnchangedLine: (finding) =>
      evaluation.diffMap.has(finding.path) && !startsOnAddedLine(evaluation.diffMap, finding),
    record: {
      headSha: target.headSha,
      baseSha: target.baseSha,
      ...(routing ? { routingDigest: routing.digest } : {}),
      own,
    },
  });
  const title = checkRunTitle({
    added,
    existing,
    fixed,
    errors: evaluation.errors,
    truncated: changed.truncated,
    policyErrors: evaluation.policyErrors.length,
    conclusion: own,
    ...sharedOutcome,
  });
  const offerAcceptance =
    published.inlineReview.status !== 'head-moved' && acceptanceHelps(policy, own, counting);
  return {
    conclusion,
    own,
    title,
    summary,
    // The files Posture could not analyse always; then the most severe findings, up to the cap.
    annotations: buildAnnotations(
      [...added, ...existing],
      evaluation.errors,
      new Set(policy.failOnExisting ? [] : existing),
      Math.max(0, MAX_ANNOTATIONS - evaluation.errors.length),
    ),
    annotationTotal: added.length + existing.length + evaluation.errors.length,
    // Under the summary, what each rule means, so that the run reads whole without a link; a few
    // thousand characters are left for the note on annotations.
    text: ruleReference([...added, ...existing, ...fixed], 60_000),
    ...(offerAcceptance ? { actions: [ACCEPT_RISK_ACTION] } : {}),
    ...(target.htmlUrl ? { detailsUrl: target.htmlUrl } : {}),
  };
}

/** "Accept risk" is offered when a security reviewer could turn the run green with it. */
function acceptanceHelps(
  policy: EffectivePolicy,
  conclusion: ReviewConclusion,
  counting: readonly Finding[],
): boolean {
  if (policy.review.teams.length + policy.review.users.length === 0) return false;
  return (
    conclusion === 'action_required' ||
    (conclusion === 'failure' && reachesThreshold(counting.filter(isOpen), policy.failOn))
  );
}

function securityReviewStatus(routing: Routing, published: PublishOutcome): SecurityReviewStatus {
  return {
    reasons: routing.reasons,
    teams: routing.teams,
    users: routing.users,
    ...(published.signOff ? { signOff: published.signOff } : {}),
    ...(published.request ? { request: published.request } : {}),
    problems: published.problems,
  };
}
