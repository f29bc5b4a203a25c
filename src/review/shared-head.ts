/**
 * Check runs belong to commits, not to pull requests. When one commit is the head of several open
 * pull requests, GitHub shows each of them the same latest "Posture" run, so a run that passed
 * against a lax base branch would make a pull request into a strict one mergeable too. A run
 * therefore concludes the worst of its own review and of the last review of every other open
 * pull request of its head against that pull request's base.
 *
 * Only the verdicts the reviews reached on their own are combined, never a combined conclusion:
 * otherwise two pull requests would keep each other red after both were fixed.
 */
import type { ReviewVerdict } from '../report/review-marker.js';
import type { PreviousRun } from './previous-runs.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';

/** The last review of another open pull request with the same head. */
export interface SharedHeadVerdict {
  pullNumber: number;
  /** its base branch; a repository-controlled name */
  baseRef: string;
  /** the conclusion its own review reached */
  verdict: ReviewVerdict;
}

const RANK: Record<ReviewVerdict, number> = {
  success: 0,
  neutral: 1,
  action_required: 2,
  failure: 3,
};

/**
 * The verdicts of the other open pull requests of `target`'s head, from `runs`, Posture's runs on
 * that head. GitHub is asked for the pull requests only when a run reviewed the head against
 * another base: with one pull request per head, nothing is asked. A pull request whose head has
 * no review against its current base yet is left out: its own review combines with this one when
 * it completes. Errors are thrown: a run must not pass because the others could not be read.
 */
export async function sharedHeadVerdicts(
  octokit: GitHubClient,
  target: ReviewTarget,
  runs: readonly PreviousRun[],
): Promise<SharedHeadVerdict[]> {
  const reviewed = runs.filter((run) => run.status === 'completed' && run.review?.baseSha);
  if (!reviewed.some((run) => run.review?.baseSha !== target.baseSha)) return [];
  const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
    owner: target.owner,
    repo: target.repo,
    commit_sha: target.headSha,
    per_page: 100,
  });
  const verdicts: SharedHeadVerdict[] = [];
  for (const pull of pulls) {
    if (pull.state !== 'open' || pull.head.sha !== target.headSha) continue;
    if (pull.number === target.pullNumber) continue;
    // `runs` is latest first.
    const last = reviewed.find((run) => run.review?.baseSha === pull.base.sha);
    if (!last) continue;
    verdicts.push({
      pullNumber: pull.number,
      baseRef: pull.base.ref,
      verdict: last.review?.own ?? asVerdict(last.conclusion),
    });
  }
  return verdicts.sort((a, b) => a.pullNumber - b.pullNumber);
}

/**
 * The verdicts of the other open pull requests of `target`'s head, when the run GitHub shows for
 * the head (the latest of `runs`) concludes better than they and `own`, this pull request's own
 * verdict, allow; otherwise `undefined`. A run still in progress is left to the job completing it.
 */
export async function verdictsTheShownRunMisses(
  octokit: GitHubClient,
  target: ReviewTarget,
  runs: readonly PreviousRun[],
  own: ReviewVerdict,
): Promise<SharedHeadVerdict[] | undefined> {
  const [shown] = runs;
  if (shown?.status !== 'completed') return undefined;
  const others = await sharedHeadVerdicts(octokit, target, runs);
  const combined = worstVerdict(
    own,
    others.map(({ verdict }) => verdict),
  );
  return isWorse(combined, asVerdict(shown.conclusion)) ? others : undefined;
}

/** A conclusion Posture does not write (cancelled, timed out, ...) passes nothing. */
export function asVerdict(conclusion: string | undefined): ReviewVerdict {
  return conclusion !== undefined && Object.hasOwn(RANK, conclusion)
    ? (conclusion as ReviewVerdict)
    : 'failure';
}

/** The worst of the verdicts; success < neutral < action_required < failure. */
export function worstVerdict(own: ReviewVerdict, others: readonly ReviewVerdict[]): ReviewVerdict {
  return others.reduce((worst, verdict) => (isWorse(verdict, worst) ? verdict : worst), own);
}

/** Whether `verdict` is worse than `than`. */
export function isWorse(verdict: ReviewVerdict, than: ReviewVerdict): boolean {
  return RANK[verdict] > RANK[than];
}
